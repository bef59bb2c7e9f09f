/**
 * The raw floor's workflow bundle: the platform's own `callLifecycle`, unchanged, so the floor runs the same
 * workflow code (patch marker, start activity, wait for the final status, grace timer, outcome activity).
 */
export { callLifecycle } from '../../workflows/call-lifecycle';
