import argon2 from 'argon2';

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Verify against a throwaway hash when the user has none, so timing does not reveal which emails exist.
  const target = hash ?? (await dummyHash);
  const matches = await argon2.verify(target, password).catch(() => false);
  return hash !== null && matches;
}

const dummyHash = hashPassword('not-a-real-password-but-same-cost');
