/**
 * An .apkg file: a zip holding the collection (`collection.anki2`, or `collection.anki21` from the
 * 2.1 scheduler era), a `media` JSON object mapping entry names ("0", "1", ...) to file names, and
 * the media files themselves under those entry names. Newer Anki writes `collection.anki21b`
 * (zstd-compressed, protobuf media list) plus a stub `collection.anki2`; that format is refused
 * with instructions rather than importing the stub.
 */
import { z } from "zod";
import type { AnkiCollection } from "./collection-types";
import { AnkiPackageError } from "./errors";
import { readCollection } from "./read-collection";
import { defaultZipLimits, openZip, type ZipLimits } from "./zip-reader";

export interface AnkiPackage {
  collection: AnkiCollection;
  /** Media file name (as Anki's fields use it) -> bytes. */
  media: Map<string, Uint8Array>;
  /** Names the media list holds but the zip does not. */
  missingMedia: string[];
}

const mediaListSchema = z.record(z.string(), z.string());

/** Opens an .apkg's bytes within `limits`. Throws an {@link AnkiPackageError} saying what is wrong. */
export function readPackage(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): AnkiPackage {
  const zip = openZip(bytes, limits);
  if (zip.entries.has("collection.anki21b")) {
    throw new AnkiPackageError(
      "This package was exported by a newer Anki in a format this app cannot read (collection.anki21b). " +
        "In Anki, export it again with 'Support older Anki versions' checked.",
    );
  }
  const collectionBytes = zip.read("collection.anki21") ?? zip.read("collection.anki2");
  if (!collectionBytes) {
    throw new AnkiPackageError(
      "This zip is not an Anki package: it holds no collection.anki2 (export a deck from Anki as .apkg).",
    );
  }
  const collection = readCollection(collectionBytes);

  const media = new Map<string, Uint8Array>();
  const missingMedia: string[] = [];
  const listBytes = zip.read("media");
  if (listBytes) {
    let list: Record<string, string>;
    try {
      list = mediaListSchema.parse(JSON.parse(new TextDecoder().decode(listBytes)));
    } catch (cause) {
      throw new AnkiPackageError(
        "The package's media list is damaged (it is not a JSON object of file names).",
        { cause },
      );
    }
    for (const [entry, name] of Object.entries(list)) {
      const data = zip.read(entry);
      if (data) media.set(name, data);
      else missingMedia.push(name);
    }
  }
  return { collection, media, missingMedia };
}
