/**
 * A defensive reader for the zip archives Anki writes (.apkg). It reads the central directory
 * itself rather than trusting a library to expand everything: sizes are checked against limits
 * before anything is inflated, and again while inflating (a header can lie), so a zip bomb is
 * rejected after at most `maxEntryBytes` of output. Only "stored" and "deflate" entries, no ZIP64,
 * no encryption: Anki writes nothing else.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { ankiPackageMaxBytes } from "@/app/lib/upload-limits";
import { AnkiPackageError } from "./errors";

export interface ZipLimits {
  /** The archive itself (the upload). */
  maxArchiveBytes: number;
  /** All entries that are read, once expanded. */
  maxTotalBytes: number;
  /** Expanded size over compressed size above which an entry is a bomb... */
  maxRatio: number;
  /** ...once it expands to more than this (tiny files compress absurdly well and are harmless). */
  ratioFloorBytes: number;
  maxEntries: number;
}

export const defaultZipLimits: ZipLimits = {
  maxArchiveBytes: ankiPackageMaxBytes,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 50_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** The entry's bytes, or null when there is no such entry. Counts towards `maxTotalBytes`. */
  read(name: string): Uint8Array | null;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let offset = last; offset >= 0 && offset >= last - 0xffff; offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) return offset;
  }
  return -1;
}

function checkRatio(entry: ZipEntry, size: number, limits: ZipLimits): void {
  if (size > limits.ratioFloorBytes && size > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
    throw new AnkiPackageError(
      `Rejected: "${entry.name}" expands ${Math.round(size / Math.max(entry.compressedSize, 1))} times ` +
        `(${mb(entry.compressedSize)} -> ${mb(size)}), more than ${limits.maxRatio}: this looks like a zip bomb.`,
    );
  }
}

/** Reads the directory of a zip and checks its declared sizes. Throws an {@link AnkiPackageError}. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipArchive {
  if (bytes.byteLength > limits.maxArchiveBytes) {
    throw new AnkiPackageError(
      `Rejected: the file is ${mb(bytes.byteLength)}, more than the ${mb(limits.maxArchiveBytes)} limit.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = () =>
    new AnkiPackageError("This is not an Anki package: the file is not a zip archive (.apkg).");
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== 0x04034b50) throw notZip();
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw notZip();
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new AnkiPackageError(
      "Rejected: ZIP64 archives are not supported (an .apkg under the size limit never needs one).",
    );
  }
  if (count > limits.maxEntries)
    throw new AnkiPackageError(`Rejected: the archive has ${count} files, more than ${limits.maxEntries}.`);
  if (directoryOffset + directorySize > eocd)
    throw new AnkiPackageError("The zip archive is damaged (its directory is out of bounds).");

  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  let offset = directoryOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== 0x02014b50) {
      throw new AnkiPackageError("The zip archive is damaged (bad directory entry).");
    }
    const flags = view.getUint16(offset + 8, true);
    const nameLength = view.getUint16(offset + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (flags & 1) throw new AnkiPackageError(`Rejected: "${entry.name}" is encrypted.`);
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw new AnkiPackageError(
        `Rejected: the archive expands to more than ${mb(limits.maxTotalBytes)} (declared sizes).`,
      );
    }
    entries.set(entry.name, entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }

  for (const entry of entries.values()) checkRatio(entry, entry.size, limits);

  let readTotal = 0;
  return {
    entries,
    read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      const local = entry.localHeaderOffset;
      if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) {
        throw new AnkiPackageError(`The zip archive is damaged ("${name}" has no local header).`);
      }
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + entry.compressedSize > bytes.byteLength)
        throw new AnkiPackageError(`The zip archive is damaged ("${name}" is cut off).`);
      const compressed = bytes.subarray(start, start + entry.compressedSize);
      let data: Uint8Array;
      if (entry.method === 0) data = compressed;
      else if (entry.method === 8) {
        // One byte more than declared: output that reaches it proves the header lied.
        const cap = Math.min(entry.size, limits.maxTotalBytes - readTotal) + 1;
        try {
          data = inflateRawSync(compressed, { maxOutputLength: cap });
        } catch (cause) {
          const tooBig =
            (cause as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || cause instanceof RangeError;
          throw new AnkiPackageError(
            tooBig
              ? `Rejected: "${name}" expands beyond its declared ${mb(entry.size)} or the ${mb(limits.maxTotalBytes)} limit: this looks like a zip bomb.`
              : `The zip archive is damaged ("${name}" cannot be decompressed).`,
            { cause },
          );
        }
      } else
        throw new AnkiPackageError(
          `Rejected: "${name}" uses zip compression method ${entry.method}, which Anki never writes.`,
        );
      if (data.byteLength !== entry.size) {
        throw new AnkiPackageError(
          `Rejected: "${name}" is ${data.byteLength} bytes but declares ${entry.size}: a damaged or forged archive.`,
        );
      }
      checkRatio(entry, data.byteLength, limits);
      readTotal += data.byteLength;
      if (readTotal > limits.maxTotalBytes)
        throw new AnkiPackageError(`Rejected: the archive expands to more than ${mb(limits.maxTotalBytes)}.`);
      if (crc32(data) >>> 0 !== entry.crc)
        throw new AnkiPackageError(`The zip archive is damaged ("${name}" fails its checksum).`);
      return data;
    },
  };
}
