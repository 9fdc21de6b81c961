import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  // Relative asset paths: the same files work under any path a district's web server gives them.
  base: './',
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Mounting Element Plus for real takes seconds on a loaded 2-core machine (the 5 s default fails there).
    testTimeout: 30_000,
  },
});
