import type { Actor } from '@/lib/auth/permissions';

export const editor: Actor = { id: 'test-editor', email: 'editor@test.example', name: 'Test Editor', role: 'editor' };
export const viewer: Actor = { id: 'test-viewer', email: 'viewer@test.example', name: 'Test Viewer', role: 'viewer' };
export const admin: Actor = { id: 'test-admin', email: 'admin@test.example', name: 'Test Admin', role: 'admin' };
