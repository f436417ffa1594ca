import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(__dirname),
  // 'server-only' throws outside React's server build; tests call the data layer directly.
  'server-only': path.resolve(__dirname, 'test/server-only-stub.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts'],
          exclude: ['**/*.db.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db',
          include: ['lib/**/*.db.test.ts', 'db/**/*.db.test.ts'],
          environment: 'node',
          setupFiles: ['test/db-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One database per worker file would multiply migrations; the tests keep their own rows.
          fileParallelism: false,
        },
      },
    ],
  },
});
