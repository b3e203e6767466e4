/** The real seed deck (content/socket-io.md): every card, as a person reading the file would make them. */
import { describe, expect, it } from "vitest";
import { parseDeck } from "@/app/lib/cards";
import { basic, cloze, readRepoFile, visible } from "./helpers";

const source = readRepoFile("content/socket-io.md");
const deck = parseDeck(source, { fileName: "socket-io.md" });
const vocab = ["Document the following Vocabulary Terms"];
const web = ["Web Sockets"];

const bullet1 =
  "WebSocket is a computer communications protocol, providing full-duplex communication channels over a single TCP connection. The WebSocket protocol was standardized by the IETF as RFC 6455 in 2011, and the WebSocket API in Web `IDL` is being standardized by the `W3C`.";
const bullet2 =
  'WebSocket is distinct from HTTP. Both protocols are located at layer `7` in the `OSI` model and depend on TCP at layer 4. Although they are different, `RFC 6455` states that WebSocket "is designed to work over HTTP ports 443 and 80 as well as to support HTTP proxies and intermediaries," thus making it compatible with HTTP. To achieve compatibility, the WebSocket handshake uses the HTTP Upgrade header to change from the HTTP protocol to the WebSocket protocol.';

describe("seed deck content/socket-io.md", () => {
  it("takes the title from the H1 and the slug from the file name", () => {
    expect(deck.title).toBe("Socket.io");
    expect(deck.slug).toBe("socket-io");
    expect(deck.tags).toEqual([]);
    expect(deck.description).toBeNull();
    expect(deck.warnings).toEqual([]);
  });

  it("makes the four question bullets basic cards with their unindented answers", () => {
    expect(visible(deck).slice(0, 4)).toEqual([
      basic(
        5,
        [],
        "What is the benefit of transforming data into packets?",
        "to meet the demands of pervasive data-centric applications and services",
      ),
      basic(
        9,
        [],
        "UDP is often referred to as a connectionless protocol. Why is this?",
        "No connection needs to be established between the source and destination before you transmit data.",
      ),
      basic(
        13,
        [],
        "Can a socket server application have multiple socket connections?, Can a socket connection application be connected to multiple socket servers?",
        "Multiple connections on the same server can share the same server-side IP/Port pair as long as they are associated with different client-side IP/Port pairs, and the server would be able to handle as many clients as available system resources allow it to",
      ),
      basic(
        17,
        [],
        "Can an application be both a socket server and a socket connection?",
        "You can not combine server and client sockets into one, because a TCP/IP connection goes from a source port to a destination port",
      ),
    ]);
  });

  it("makes the ten vocabulary terms basic cards with their whole definitions", () => {
    expect(visible(deck).slice(4, 14)).toEqual([
      basic(
        25,
        vocab,
        "Observer Pattern",
        "The observer pattern is a software design pattern in which an object, named the subject, maintains a list of its dependents, called observers, and notifies them automatically of any state changes, usually by calling one of their methods.",
      ),
      basic(27, vocab, "Listener", "a procedure in JavaScript that waits for an event to occur."),
      basic(
        29,
        vocab,
        "Event Handler",
        "It is the function that will handle a particular proccess when an event occurred.",
      ),
      basic(
        31,
        vocab,
        "Event Driven Programming",
        "Event-driven programming is a programming paradigm in which the flow of program execution is determined by events - for example a user action such as a mouse click, key press, or a message from the operating system or another program.",
      ),
      basic(
        33,
        vocab,
        "Event Loop",
        "is a programming construct or design pattern that waits for and dispatches events or messages in a program.",
      ),
      basic(
        35,
        vocab,
        "Event Queue",
        "is a repository where events from an application are held prior to being processed by a receiving program or system.",
      ),
      basic(
        37,
        vocab,
        "Call Stack",
        "is a mechanism for an interpreter (like the JavaScript interpreter in a web browser) to keep track of its place in a script that calls multiple functions — what function is currently being run and what functions are called from within that function, etc.",
      ),
      basic(
        39,
        vocab,
        "Emit/Raise/Trigger",
        "these are terminologies to discribe some functionality in Event Driven Programming.",
      ),
      basic(
        41,
        vocab,
        "Subscribe",
        "This is a JavaScript object that defines the handlers for the notifications you receive.",
      ),
      basic(43, vocab, "database", "It is the palce that we are saving the data into."),
    ]);
  });

  it("makes one cloze per sentence holding inline-code facts in the Web Sockets bullets, and nothing for the third bullet or the image", () => {
    // A sentence's spans are hidden together (`IDL` and `W3C`; `7` and `OSI`): one card per
    // sentence, not a near-copy of the bullet per span.
    expect(visible(deck).slice(14)).toEqual([
      cloze(49, web, bullet1.replace("`IDL`", "[...]").replace("`W3C`", "[...]"), bullet1),
      cloze(51, web, bullet2.replace("`7`", "[...]").replace("`OSI`", "[...]"), bullet2),
      cloze(51, web, bullet2.replace("`RFC 6455`", "[...]"), bullet2),
    ]);
    expect(deck.cards.slice(14).every((card) => card.fact)).toBe(true);
  });

  it("repairs the mojibake in the source rather than passing it on", () => {
    expect(source).toContain("functions â€” what");
    expect(deck.cards.some((card) => card.back.includes("â€"))).toBe(false);
  });

  it("gives the same deck for the file saved with a BOM and Windows line endings", () => {
    const windows = parseDeck(`\uFEFF${source.replace(/\n/g, "\r\n")}`, { fileName: "socket-io.md" });
    expect(windows).toEqual(deck);
  });

  it("gives every card a distinct key", () => {
    expect(new Set(deck.cards.map((card) => card.key)).size).toBe(deck.cards.length);
    expect(deck.cards[4]?.key).toBe("observer pattern");
    expect(deck.cards[14]?.key.startsWith("cloze:1:")).toBe(true);
  });
});
