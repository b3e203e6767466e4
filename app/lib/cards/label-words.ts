/**
 * The words for "answer", "question" and "definition" in the languages people take notes in, shared by the labels
 * that use them (`Antwort:` lines, `#### Đáp án: D` key headings, `Resposta: b` answer keys, the
 * `Réponse : ...` remark) so that a language added here is read the same way by all of them.
 */

/** "Answer" in other languages than English; `答`/`답` alone too, as in `问：… 答：…`. */
export const ANSWER_WORDS: readonly string[] = [
  "Antwort",
  "Antwoord",
  "Respuesta",
  "Réponse",
  "Risposta",
  "Resposta",
  "Odpowiedź",
  "Cevap",
  "Jawaban",
  "Trả lời",
  "Đáp án",
  "Ответ",
  "Відповідь",
  "答案",
  "答",
  "回答",
  "答え",
  "解答",
  "正解",
  "답변",
  "답",
  "정답",
];

/** "Question" in other languages than English. */
export const QUESTION_WORDS: readonly string[] = [
  "Frage",
  "Pregunta",
  "Domanda",
  "Pergunta",
  "Vraag",
  "Pytanie",
  "Soru",
  "Pertanyaan",
  "Câu hỏi",
  "Вопрос",
  "Питання",
  "问题",
  "问",
  "問題",
  "問",
  "質問",
  "질문",
  "문제",
];

/** "Definition" in other languages than English (`- RDB` over `- 定义：...`). */
export const DEFINITION_WORDS: readonly string[] = [
  "定义",
  "含义",
  "定義",
  "意味",
  "정의",
  "의미",
  "definición",
  "définition",
  "definição",
  "definizione",
  "definicja",
  "определение",
  "định nghĩa",
  "tanım",
];

/** `a|b|c` for a RegExp source, longest first so that `答案` is tried before `答`. */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}
