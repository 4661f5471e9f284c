import type { BrowserWindowConstructorOptions, Menu, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, createMainWindow, DEVELOPER_ROLES, installApplicationMenu } from './window';

/** Stands in for BrowserWindow: records the options it was built with and what was registered on it. */
class FakeWindow {
  static built: FakeWindow[] = [];
  readonly listeners = new Map<string, Array<() => void>>();
  loaded: string | null = null;
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.built.push(this);
  }
  on(event: string, listener: () => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: () => void) {
    return this.on(event, listener);
  }
  show() {
    this.shown = true;
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  emit(event: string) {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}

function open(packaged: boolean, platform: NodeJS.Platform) {
  const locks: string[] = [];
  const window = createMainWindow(FakeWindow as never, {
    packaged,
    platform,
    preloadPath: '/opt/pacewise/preload/index.js',
    url: 'app://pacewise/index.html',
    lock: () => locks.push('locked'),
  }) as unknown as FakeWindow;
  return { window, locks };
}

/** Every role in a menu template, submenus included. */
function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the window', () => {
  it('has no DevTools in an installed build, and keeps the hardened preferences', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const { window } = open(true, platform);
      expect(window.options.webPreferences).toMatchObject({
        devTools: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: '/opt/pacewise/preload/index.js',
      });
      expect(window.loaded).toBe('app://pacewise/index.html');
    }
  });

  it('keeps DevTools for a developer’s own (unpackaged) build', () => {
    expect(open(false, 'linux').window.options.webPreferences).toMatchObject({ devTools: true, sandbox: true });
  });

  it('on macOS, closing the window locks the caseload (the app runs on without a window)', () => {
    const mac = open(true, 'darwin');
    expect(mac.locks).toEqual([]);
    mac.window.emit('close');
    expect(mac.locks).toEqual(['locked']);
    // Elsewhere closing the last window quits, which closes the caseload.
    const windows = open(true, 'win32');
    windows.window.emit('close');
    expect(windows.locks).toEqual([]);
  });

  it('is shown once it has drawn, not before', () => {
    const { window } = open(true, 'linux');
    expect(window.options.show).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});

describe('the application menu', () => {
  it('an installed build has no item that reloads the page or opens DevTools, on any platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const template = applicationMenuTemplate({ packaged: true, platform });
      expect(roles(template).filter((role) => DEVELOPER_ROLES.has(role))).toEqual([]);
      expect(roles(template)).toEqual(expect.arrayContaining(['editMenu', 'zoomIn', 'zoomOut', 'resetZoom']));
      expect(JSON.stringify(template)).not.toMatch(/devtools|reload/i);
    }
    expect(roles(applicationMenuTemplate({ packaged: true, platform: 'darwin' }))).toContain('appMenu');
  });

  it('a developer’s build keeps reload and DevTools', () => {
    expect(roles(applicationMenuTemplate({ packaged: false, platform: 'linux' }))).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
  });

  it('replaces Electron’s default menu with it', () => {
    const calls: string[] = [];
    let installed: unknown = null;
    const fakeMenu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
        calls.push('build');
        return { template } as unknown as Menu;
      },
      setApplicationMenu: (menu: Menu | null) => {
        calls.push('set');
        installed = menu;
      },
    };
    installApplicationMenu(fakeMenu, { packaged: true, platform: 'win32' });
    expect(calls).toEqual(['build', 'set']);
    const template = (installed as { template: MenuItemConstructorOptions[] }).template;
    expect(template).toEqual(applicationMenuTemplate({ packaged: true, platform: 'win32' }));
    expect(roles(template).some((role) => DEVELOPER_ROLES.has(role))).toBe(false);
  });
});
