/** Decodes a data: URL from Settings (PNG or JPEG, already checked by the contract). */
export function imageFromDataUrl(
  dataUrl: string | null,
): { bytes: Buffer; type: 'png' | 'jpg'; width: number; height: number } | null {
  if (!dataUrl) return null;
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  if (!match) return null;
  const bytes = Buffer.from(match[2]!, 'base64');
  const size = match[1] === 'png' ? pngSize(bytes) : jpegSize(bytes);
  if (!size) return null;
  return { bytes, type: match[1] === 'png' ? 'png' : 'jpg', ...size };
}

function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 24) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

/** Scales to fit a box, keeping the aspect ratio. */
export function fitInto(width: number, height: number, maxWidth: number, maxHeight: number) {
  const scale = Math.min(maxWidth / width, maxHeight / height, 1);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
