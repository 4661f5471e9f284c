import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The `electronFuses:` block of electron-builder.yml, read as flat `key: value` lines. */
function fusesConfig(): Record<string, string> {
  const lines = readFileSync(resolve(__dirname, '../../../electron-builder.yml'), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === 'electronFuses:');
  expect(start, 'electronFuses block in electron-builder.yml').toBeGreaterThanOrEqual(0);
  const fuses: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+([A-Za-z]+):\s*(\S+)\s*$/.exec(line);
    if (!match) break;
    fuses[match[1]!] = match[2]!;
  }
  return fuses;
}

describe('the packaged app’s Electron fuses', () => {
  it('turn off every way to run the binary as something else, and check the app’s integrity', () => {
    expect(fusesConfig()).toEqual({
      // ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect would each let a local program run code as Pacewise.
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      // The app code is loaded only from the signed asar, whose integrity is checked.
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });
});
