import { describe, expect, it } from "vitest";
import {
  authMessages,
  failureMessage,
  rateLimitedMessage,
  signInSchema,
  signUpSchema,
} from "@/app/lib/auth/credentials";

describe("what the forms check before sending", () => {
  it("asks for a real email and a password of 8 to 128 characters on sign-up", () => {
    const ok = signUpSchema.safeParse({ name: " Ada ", email: " ada@example.org ", password: "12345678" });
    expect(ok.success && ok.data).toEqual({ name: "Ada", email: "ada@example.org", password: "12345678" });
    const bad = signUpSchema.safeParse({ name: "", email: "ada.example.org", password: "1234567" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((issue) => issue.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        authMessages.nameMissing,
        authMessages.invalidEmail,
        authMessages.passwordTooShort,
      ]),
    );
    expect(
      signUpSchema.safeParse({ name: "A", email: "a@b.org", password: "x".repeat(129) }).error?.issues[0]
        ?.message,
    ).toBe(authMessages.passwordTooLong);
  });

  it("does not judge a sign-in password's length (an older account may have a shorter one)", () => {
    expect(signInSchema.safeParse({ email: "a@b.org", password: "short" }).success).toBe(true);
    expect(signInSchema.safeParse({ email: "a@b.org", password: "" }).success).toBe(false);
  });
});

describe("the message for each failure the server answers", () => {
  it("says the same for an unknown email and a wrong password", () => {
    const wrong = failureMessage(401, { code: "INVALID_EMAIL_OR_PASSWORD" }, null);
    expect(wrong).toBe(authMessages.wrongCredentials);
    expect(failureMessage(401, null, null)).toBe(wrong);
  });

  it("names each other refusal", () => {
    expect(failureMessage(422, { code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" }, null)).toBe(
      authMessages.emailTaken,
    );
    expect(failureMessage(400, { code: "PASSWORD_TOO_SHORT" }, null)).toBe(authMessages.passwordTooShort);
    expect(
      failureMessage(400, { code: "VALIDATION_ERROR", message: "[body.email] Invalid email address" }, null),
    ).toBe(authMessages.invalidEmail);
    expect(failureMessage(503, { message: "database" }, null)).toBe(authMessages.serverDown);
    expect(failureMessage(500, "<html>", null)).toBe(authMessages.serverDown);
    expect(failureMessage(403, { code: "INVALID_ORIGIN" }, null)).toBe(authMessages.refused);
  });

  it("says how long to wait when rate-limited", () => {
    expect(failureMessage(429, {}, "42")).toBe("Too many attempts: try again in 42 seconds.");
    expect(failureMessage(429, {}, null)).toBe("Too many attempts: try again in 60 seconds.");
    expect(rateLimitedMessage(1)).toBe("Too many attempts: try again in 1 second.");
  });
});
