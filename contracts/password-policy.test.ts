import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('asks users for ten characters', () => {
    expect(passwordProblems('short')).toEqual(['at least 10 characters']);
    expect(passwordProblems('ten chars!')).toEqual([]);
  });

  it('holds admin credentials to the strong rule and lists every gap', () => {
    expect(passwordProblems('password123', 'strong')).toEqual([
      'at least 16 characters',
      'an uppercase letter',
      'a special character',
    ]);
    expect(passwordProblems('Very-Strong-Password-1', 'strong')).toEqual([]);
  });
});
