/**
 * Repairs UTF-8 text that was decoded as Windows-1252 / Latin-1 somewhere on its way to us
 * (`â€”` -> `—`, `Ã©` -> `é`), and leaves correct text alone.
 */

// Windows-1252 bytes 0x80-0x9F that are not the Latin-1 control characters.
const CP1252_SPECIALS: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

const decoder = new TextDecoder("utf-8", { fatal: true });

/** The byte a character came from when UTF-8 was misread as cp1252/Latin-1, or undefined. */
function byteOf(codePoint: number): number | undefined {
  if (codePoint >= 0x80 && codePoint <= 0xff) return codePoint;
  return CP1252_SPECIALS[codePoint];
}

/** Decodes a run's bytes, or returns undefined when they are not mojibake we can trust. */
function decodeRun(bytes: number[]): string | undefined {
  let decoded: string;
  try {
    decoded = decoder.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
  for (const char of decoded) {
    const code = char.codePointAt(0) ?? 0;
    // C1 controls never appear in real text; U+0780-U+07FF (Thaana, NKo) is what legit Latin-1 pairs
    // such as `ß«` would wrongly turn into.
    if ((code >= 0x80 && code <= 0x9f) || (code >= 0x780 && code <= 0x7ff)) return undefined;
  }
  return decoded;
}

function repairOnce(text: string): string {
  let out = "";
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) {
      const bytes = run.map((char) => byteOf(char.codePointAt(0) ?? 0) ?? 0);
      out += decodeRun(bytes) ?? run.join("");
      run = [];
    }
  };
  for (const char of text) {
    if (byteOf(char.codePointAt(0) ?? 0) === undefined) {
      flush();
      out += char;
    } else {
      run.push(char);
    }
  }
  flush();
  return out;
}

/**
 * Finds maximal runs of characters from the cp1252/Latin-1 upper range, maps them back to bytes and
 * replaces a run only when those bytes are valid UTF-8. Repeats for text that was misdecoded twice.
 * @example repairMojibake("a stack â€” LIFO") === "a stack — LIFO"; repairMojibake("café") === "café"
 */
export function repairMojibake(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3; pass += 1) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
