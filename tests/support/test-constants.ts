export const TEST_ADMIN = { email: 'admin@test.voiceplane.local', password: 'Test-Admin-Password-123!' };
