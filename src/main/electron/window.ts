import type { BrowserWindow, BrowserWindowConstructorOptions, Menu, MenuItemConstructorOptions } from 'electron';
import { secureWebPreferences } from '../security';

/** What the window and the menu depend on: the build (installed or a developer's) and the platform. */
export interface WindowHost {
  packaged: boolean;
  platform: NodeJS.Platform;
  preloadPath: string;
  url: string;
  /** Locks the caseload: on macOS the app runs on with no window, so closing it must not leave it open. */
  lock(): void;
}

type WindowClass = new (
  options: BrowserWindowConstructorOptions,
) => Pick<BrowserWindow, 'once' | 'on' | 'show' | 'loadURL'>;

/**
 * The one window. Electron's classes are passed in so the wiring is tested with fakes
 * (window.test.ts): DevTools only in a developer's build, and on macOS closing the window locks.
 */
export function createMainWindow(Window: WindowClass, host: WindowHost) {
  const window = new Window({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Pacewise',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(host.preloadPath, { devTools: !host.packaged }),
  });
  window.once('ready-to-show', () => window.show());
  if (host.platform === 'darwin') window.on('close', () => host.lock());
  void window.loadURL(host.url);
  return window;
}

/** Menu roles that reload the page or open DevTools (`viewMenu` is Electron's menu holding them). */
export const DEVELOPER_ROLES: ReadonlySet<string> = new Set(['reload', 'forceReload', 'toggleDevTools', 'viewMenu']);

/**
 * The application menu, in place of Electron's default (whose View menu reloads the page and opens
 * DevTools with Ctrl+Shift+I): editing, zoom and full screen; the developer items only when unpackaged.
 */
export function applicationMenuTemplate(host: Pick<WindowHost, 'packaged' | 'platform'>): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = host.packaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  return [
    ...(host.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { role: 'windowMenu' },
  ];
}

export function installApplicationMenu(
  menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>,
  host: Pick<WindowHost, 'packaged' | 'platform'>,
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(applicationMenuTemplate(host)));
}
