/** Which column of a table explains its first one: a term table's answers (emit/tables.ts makes the cards). */
import type { Table } from "mdast";
import { plainText, trimPhrasing, type Phrasing } from "../phrasing";

// The same headers in the languages learners keep vocabulary in (`| Begriff | Bedeutung | Beispiel |`,
// `| Słowo | Wymowa | Znaczenie |`), and a column named by the learner's own language (`Português`).
const EXPLAINING_COLUMN =
  /^(description|descriptions|definition|definitions|meaning|meanings|explanation|english|eng|translation|answer|back|what it does|purpose|function|use|used for|notes?|bedeutung|erklärung|übersetzung|englisch|significado|definición|traducción|inglés|signification|sens|définition|traduction|anglais|significato|definizione|traduzione|inglese|tradução|definição|inglês|意思|含义|释义|意義|意味|定义|定義|翻译|英文|英語|뜻|의미|번역|beschreibung|descripción|descrição|deutsch|español|français|italiano|português|znaczenie|tłumaczenie|definicja|opis|angielski|polski|значение|перевод|определение|описание|английский|русский|anlam|anlamı|çeviri|tanım|açıklama|türkçe|ingilizce|nghĩa|ý nghĩa|dịch|định nghĩa|mô tả|tiếng việt|tiếng anh|betekenis|vertaling|omschrijving|engels|nederlands|中文|日本語|訳|한국어)$/iu;

const ROW_NUMBER_HEADER = /^(?:no\.?|nr\.?|n°|#|num|number|序号|编号|番号|번호|№)$/iu;

/**
 * The column of the terms: the first, or the second where the first only numbers the rows
 * (`| No. | 単語 | 意味 |` over `| 1 | grab | つかむ |`) in a table of three columns or more.
 */
export function termColumn(table: Table): number {
  const [header, ...body] = table.children;
  if (!header || header.children.length < 3 || body.length === 0) return 0;
  const first = (cells: Table["children"][number]) => plainText(cells.children[0]?.children ?? []).trim();
  // Headed as a number (`No.`, `#`): under `| Step | Action |` or an empty header (`| | 時 | 分 |` over
  // `| 1 | いちじ | いっぷん |`) the number is what the row is about.
  return ROW_NUMBER_HEADER.test(first(header)) && body.every((row) => /^\d{1,4}\.?$/.test(first(row)))
    ? 1
    : 0;
}

/** The column that explains the term column, or undefined when the table is not a term list. */
export function explainingColumn(table: Table): number | undefined {
  if (isTableOfContents(table)) return undefined;
  const header = table.children[0]?.children ?? [];
  const terms = termColumn(table);
  // Numbered rows are a list of anything (`| # | Task | Status |`): only a column named as a meaning explains.
  if (terms === 0 && header.length === 2) return 1;
  const at = header.findIndex(
    // `Meaning (Polish)`: a header qualified in brackets is still its column's name.
    (cell, index) =>
      index > terms &&
      EXPLAINING_COLUMN.test(
        plainText(cell.children)
          .replace(/\s*[(（][^()（）]{1,30}[)）]\s*$/u, "")
          .trim(),
      ),
  );
  return at === -1 ? undefined : at;
}

/**
 * `| 1 | [What is hoisting?](#what-is-hoisting) |`: a table of contents, its rows links to places
 * in the note (each answered there), with at most a number beside them.
 */
export function isTableOfContents(table: Table): boolean {
  const body = table.children.slice(1);
  const anchor = (cell: Phrasing) =>
    cell.length === 1 && cell[0]?.type === "link" && cell[0].url.startsWith("#");
  const number = (cell: Phrasing) =>
    cell.length === 0 || (cell.length === 1 && /^\s*\d*\.?\s*$/.test(plainText(cell)));
  return (
    body.length > 0 &&
    body.every((row) => {
      const cells = row.children.map((cell) => trimPhrasing(cell.children));
      return cells.some(anchor) && cells.every((cell) => anchor(cell) || number(cell));
    })
  );
}
