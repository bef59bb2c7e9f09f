/** The conversation floor's workflow bundle: the platform's own `conversation` workflow, unchanged. */
export { conversation } from '../../workflows/conversation';
