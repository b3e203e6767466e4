import { ImportError } from "./errors";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Offset of the first byte of the first sequence that is not UTF-8 (TextDecoder only says that one exists). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      i += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are all invalid UTF-8.
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return i;
    i += length;
  }
  return bytes.length;
}

function lineAt(bytes: Uint8Array | string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const unit = typeof bytes === "string" ? bytes.charCodeAt(i) : bytes[i];
    if (unit === 0x0a) line++;
  }
  return line;
}

/**
 * Turns a file's bytes into markdown text: strict UTF-8 (a leading BOM is dropped), and no NUL
 * characters, which mark a binary file that happens to decode. Throws an {@link ImportError} naming
 * the file, the byte offset and the line of the first problem.
 */
export function decodeMarkdown(bytes: Uint8Array | string, file: string): string {
  const nul = typeof bytes === "string" ? bytes.indexOf("\0") : bytes.indexOf(0);
  if (nul !== -1) {
    const line = lineAt(bytes, nul);
    throw new ImportError(
      file,
      `is not UTF-8 text (NUL byte at offset ${nul} / line ${line}: a binary file?)`,
    );
  }
  if (typeof bytes === "string") return bytes.startsWith("\uFEFF") ? bytes.slice(1) : bytes;
  try {
    return strictUtf8.decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = lineAt(bytes, offset);
    throw new ImportError(file, `is not UTF-8 text (invalid byte at offset ${offset} / line ${line})`, {
      cause,
    });
  }
}
