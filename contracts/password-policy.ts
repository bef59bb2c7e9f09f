/** Returns what a password lacks; empty when acceptable. `strong` is the bar for platform admin credentials. */
export function passwordProblems(password: string, level: 'user' | 'strong' = 'user'): string[] {
  const problems: string[] = [];
  const minLength = level === 'strong' ? 16 : 10;
  if (password.length < minLength) problems.push(`at least ${minLength} characters`);
  if (level === 'strong') {
    if (!/[a-z]/.test(password)) problems.push('a lowercase letter');
    if (!/[A-Z]/.test(password)) problems.push('an uppercase letter');
    if (!/[0-9]/.test(password)) problems.push('a digit');
    if (!/[^A-Za-z0-9]/.test(password)) problems.push('a special character');
  }
  return problems;
}
