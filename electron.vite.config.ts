import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Worker threads (src/main/workers/entry.ts): letters and handouts, backups and reconciliation.
          renderWorker: resolve(__dirname, 'src/main/workers/renderWorker.ts'),
          maintenanceWorker: resolve(__dirname, 'src/main/workers/maintenanceWorker.ts'),
          exportWorker: resolve(__dirname, 'src/main/workers/exportWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // PACEWISE_UNMINIFIED=1 keeps names readable in CPU profiles (npm run bench:ui with BENCH_UI_PROFILE).
      minify: !process.env.PACEWISE_UNMINIFIED,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
