/** The largest dropped file the services will copy in (a bigger one is chosen with the file dialog). */
export const MAX_DROPPED_BYTES = 512 * 1024 * 1024;

/** Bytes per base64 piece: a multiple of 3, so the pieces join into one valid base64 text. */
const PIECE = 3 * 64 * 1024;
/** Characters passed to String.fromCharCode at once: well under any engine's argument limit. */
const CALL = 8 * 1024;

/**
 * A dropped file's bytes as base64, built piece by piece (never one String.fromCharCode over the
 * whole file, which would overflow the stack), yielding now and then so the window stays responsive.
 */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += PIECE) {
    const piece = bytes.subarray(start, start + PIECE);
    let binary = '';
    for (let at = 0; at < piece.length; at += CALL) binary += String.fromCharCode(...piece.subarray(at, at + CALL));
    pieces.push(btoa(binary));
    if (pieces.length % 64 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return pieces.join('');
}
