// Tests and benchmarks run under Node, but `npm start` and `npm run dist` rebuild the SQLite modules
// for Electron's ABI. Put the Node build back when it is missing, and only then (a rebuild takes ~60 s
// each). better-sqlite3-multiple-ciphers holds the caseload; drizzle's driver still imports better-sqlite3.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
for (const name of ['better-sqlite3', 'better-sqlite3-multiple-ciphers']) {
  try {
    const Database = require(name);
    new Database(':memory:').close();
  } catch (error) {
    console.log(`${name} is not built for this Node (${String(error).split('\n')[0]}); rebuilding…`);
    execSync(`npm rebuild ${name}`, { stdio: 'inherit' });
  }
}
