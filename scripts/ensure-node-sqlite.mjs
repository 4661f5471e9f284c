// Tests and benchmarks run under Node, but `npm start` and `npm run dist` rebuild better-sqlite3 for
// Electron's ABI. Put the Node build back when it is missing, and only then (a rebuild takes ~60 s).
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  console.log(`better-sqlite3 is not built for this Node (${String(error).split('\n')[0]}); rebuilding…`);
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}
