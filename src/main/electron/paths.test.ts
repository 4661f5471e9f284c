import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing';
import { DEVICE_CONFIG_FILE, exportDirectoryOverride, readDeviceConfig, resolveDataDirectory } from './paths';

const defaultDir = '/home/clinician/.config/Pacewise/caseload';
const env = { PACEWISE_DATA_DIR: '/tmp/elsewhere' };

describe('resolving the caseload folder', () => {
  it('lets PACEWISE_DATA_DIR choose the folder in development and tests', () => {
    expect(resolveDataDirectory({ packaged: false, env, device: {}, defaultDir })).toBe('/tmp/elsewhere');
    expect(resolveDataDirectory({ packaged: false, env, device: { dataDirectory: '/srv/clinic' }, defaultDir })).toBe(
      '/tmp/elsewhere',
    );
  });

  it('ignores PACEWISE_DATA_DIR in an installed build unless the device configuration allows it', () => {
    expect(resolveDataDirectory({ packaged: true, env, device: {}, defaultDir })).toBe(defaultDir);
    expect(resolveDataDirectory({ packaged: true, env, device: { dataDirectory: '/srv/clinic' }, defaultDir })).toBe(
      '/srv/clinic',
    );
    expect(resolveDataDirectory({ packaged: true, env, device: { allowEnvOverride: true }, defaultDir })).toBe(
      '/tmp/elsewhere',
    );
  });

  it('uses the configured folder, else the per-user default, when no variable is set', () => {
    for (const packaged of [true, false]) {
      expect(resolveDataDirectory({ packaged, env: {}, device: {}, defaultDir })).toBe(defaultDir);
      expect(resolveDataDirectory({ packaged, env: { PACEWISE_DATA_DIR: '' }, device: {}, defaultDir })).toBe(
        defaultDir,
      );
      expect(
        resolveDataDirectory({
          packaged,
          env: {},
          device: { dataDirectory: '/srv/clinic', allowEnvOverride: true },
          defaultDir,
        }),
      ).toBe('/srv/clinic');
    }
  });
});

describe('the export folder override', () => {
  const exportEnv = { PACEWISE_EXPORT_DIR: '/tmp/exports' };

  it('is honoured in development and tests: every export goes to that folder without a dialog', () => {
    expect(exportDirectoryOverride({ packaged: false, env: exportEnv, device: {} })).toBe('/tmp/exports');
  });

  it('is ignored in an installed build (the save dialog asks) unless the device configuration allows it', () => {
    expect(exportDirectoryOverride({ packaged: true, env: exportEnv, device: {} })).toBeNull();
    expect(
      exportDirectoryOverride({ packaged: true, env: exportEnv, device: { dataDirectory: '/srv/clinic' } }),
    ).toBeNull();
    expect(exportDirectoryOverride({ packaged: true, env: exportEnv, device: { allowEnvOverride: true } })).toBe(
      '/tmp/exports',
    );
  });

  it('is no override when the variable is unset or empty', () => {
    for (const packaged of [true, false]) {
      expect(exportDirectoryOverride({ packaged, env: {}, device: { allowEnvOverride: true } })).toBeNull();
      expect(
        exportDirectoryOverride({ packaged, env: { PACEWISE_EXPORT_DIR: '' }, device: { allowEnvOverride: true } }),
      ).toBeNull();
    }
  });
});

describe('reading the device configuration', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  const withFile = (text: string | null) => {
    dir = tempDir('pacewise-userdata-');
    if (text !== null) writeFileSync(join(dir, DEVICE_CONFIG_FILE), text);
    const warnings: string[] = [];
    return { config: readDeviceConfig(dir, (m) => warnings.push(m)), warnings };
  };

  it('reads the folder and the override switch an administrator set', () => {
    expect(withFile('{ "dataDirectory": "/srv/clinic", "allowEnvOverride": true }')).toEqual({
      config: { dataDirectory: '/srv/clinic', allowEnvOverride: true },
      warnings: [],
    });
  });

  it('treats a missing file as no configuration, without a warning', () => {
    expect(withFile(null)).toEqual({ config: {}, warnings: [] });
  });

  it.each([
    ['malformed JSON', '{ "dataDirectory": ', 'not valid JSON'],
    ['a list', '["/srv/clinic"]', 'one JSON object'],
    ['null', 'null', 'one JSON object'],
  ])('ignores %s with a warning naming the file, and never throws', (_label, text, message) => {
    const { config, warnings } = withFile(text);
    expect(config).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(DEVICE_CONFIG_FILE);
    expect(warnings[0]).toContain(message);
  });

  it('keeps the sound settings and warns about a wrongly typed one', () => {
    const { config, warnings } = withFile('{ "dataDirectory": 42, "allowEnvOverride": true }');
    expect(config).toEqual({ allowEnvOverride: true });
    expect(warnings.join('\n')).toContain('dataDirectory');
    const second = withFile('{ "dataDirectory": "/srv/clinic", "allowEnvOverride": "yes" }');
    expect(second.config).toEqual({ dataDirectory: '/srv/clinic' });
    expect(second.warnings.join('\n')).toContain('allowEnvOverride');
  });

  it('an installed build with a malformed file falls back to the per-user folder, ignoring the variable', () => {
    const { config } = withFile('{ "allowEnvOverride": tru');
    expect(resolveDataDirectory({ packaged: true, env, device: config, defaultDir })).toBe(defaultDir);
  });
});
