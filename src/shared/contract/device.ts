import { z } from 'zod';
import { channel } from './define';
import { isWellFormedText } from './fields';

/** What this computer's `device.json` holds, as the Settings panel shows it. */
export interface DeviceSettings {
  /** The folder the caseload was opened from at this start. A saved change does not move it. */
  inUse: string;
  /** The folder saved for this computer; null is the default per-user folder. */
  dataDirectory: string | null;
  /** Whether `PACEWISE_DATA_DIR` may choose the folder in the installed app. */
  allowEnvOverride: boolean;
  /** The default per-user folder (used when `dataDirectory` is null). */
  defaultDataDirectory: string;
  /** The folder Pacewise will open at its next start, by the saved settings. */
  nextStart: string;
  /** Whether that folder already holds a caseload (its key file or database). */
  nextStartHoldsCaseload: boolean;
  /** Where the settings file lives. */
  configFile: string;
  /** What was wrong with the file as found (unreadable, malformed); those parts are ignored. */
  problems: string[];
}

const FOLDER_LABEL = 'Caseload folder';
export const FOLDER_PATH_MAX = 1000;

/**
 * A full path on any of the platforms Pacewise runs on: `/srv/clinic`, `C:\Pacewise`, or a
 * Windows share `\\server\share\Pacewise`. Checked here so the renderer can say so as it is
 * typed; the main process checks again with the platform's own rule before anything is written.
 */
export function isAbsoluteFolderPath(value: string): boolean {
  return /^\//.test(value) || /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\/]+[\\/][^\\/]+/.test(value);
}

const dataDirectory = z
  .string({ error: `${FOLDER_LABEL} must be text (leave it empty for the default folder)` })
  .trim()
  .max(FOLDER_PATH_MAX, `${FOLDER_LABEL} must be ${FOLDER_PATH_MAX} characters or fewer`)
  .refine(isWellFormedText, `${FOLDER_LABEL} contains a character that cannot be part of a folder path`)
  // eslint-disable-next-line no-control-regex
  .refine((v) => !/[\u0000-\u001f]/.test(v), `${FOLDER_LABEL} contains a control character: please retype it`)
  .refine(
    (v) => v === '' || isAbsoluteFolderPath(v),
    `${FOLDER_LABEL} must be a full path (starting with / or a drive letter such as C:\\), or empty for the default folder`,
  )
  .transform((v) => (v === '' ? null : v));

export const deviceChannels = {
  /** This computer's caseload folder settings, and the folder in use now (any signed-in clinician may read). */
  'device.settings': channel(z.object({}).strict()).returns<DeviceSettings>(),
  /* Administrator only (see adminChannels). Written to device.json; takes effect at the next start. */
  'device.setSettings': channel(
    z
      .object({
        dataDirectory,
        allowEnvOverride: z.boolean({ error: 'Choose whether PACEWISE_DATA_DIR may choose the folder (yes or no)' }),
      })
      .strict(),
  ).returns<DeviceSettings>(),
} as const;
