import { notifications } from '@mantine/notifications';
import { ApiError } from '../api';

/** The last of each kind still on screen: a new one replaces it rather than piling up over the menu. */
const lastShown: { saved: string | null; refused: string | null } = { saved: null, refused: null };

function showInPlaceOf(kind: keyof typeof lastShown, notification: Parameters<typeof notifications.show>[0]): void {
  const previous = lastShown[kind];
  if (previous) notifications.hide(previous);
  lastShown[kind] = notifications.show(notification);
}

interface FormWithErrors {
  setErrors(errors: Record<string, string>): void;
}

/**
 * Shows a refusal from the main process: each field's message under its input, and the summary in
 * a notification when no field carries it (a conflict, a lock, an internal error).
 */
export function showApiError(
  error: unknown,
  form?: FormWithErrors,
  options: { title?: string; fieldPrefix?: string } = {},
): void {
  const title = options.title ?? 'Not saved';
  if (error instanceof ApiError) {
    // Refused because the app locked meanwhile: the lock screen says so, and says it once.
    if (error.code === 'locked') return;
    const fields = Object.fromEntries(
      Object.entries(error.fields)
        .filter(([k]) => k !== '_')
        .map(([k, v]) => [
          options.fieldPrefix && k.startsWith(options.fieldPrefix) ? k.slice(options.fieldPrefix.length) : k,
          v,
        ]),
    );
    const fieldNames = Object.keys(fields);
    if (form && fieldNames.length > 0) form.setErrors(fields);
    if (!form || fieldNames.length === 0) {
      showInPlaceOf('refused', { color: 'red', title, message: error.message, autoClose: 8000 });
    }
    return;
  }
  showInPlaceOf('refused', {
    color: 'red',
    title,
    message: error instanceof Error ? error.message : 'Something went wrong. Nothing was saved.',
    autoClose: 8000,
  });
}

export function showSaved(message: string): void {
  showInPlaceOf('saved', { color: 'teal', title: 'Saved', message, autoClose: 3000 });
}

/**
 * A refusal in words, to show where the action was (beside its button) rather than in a
 * notification that may be queued out of sight; null when the app locked meanwhile (the lock
 * screen says so).
 */
export function refusalText(error: unknown): string | null {
  if (error instanceof ApiError) return error.code === 'locked' ? null : error.message;
  return error instanceof Error ? error.message : 'Something went wrong. Nothing was changed.';
}
