import type { VersionDto } from "@bailanys/common/api/kb";
import { describe, expect, it } from "vitest";
import { editorBase, emptyDraft, formToDraft, versionToForm } from "./draftForm.ts";

describe("the draft form", () => {
  it("sends documents one per line and leaves blank facts out", () => {
    const body = formToDraft({ ...emptyDraft(" Пенсия "), documents: "Паспорт\n\n  Справка  \n", fee: " ", term: "10 дней" });
    expect(body).toMatchObject({ title: "Пенсия", facts: { documents: ["Паспорт", "Справка"], term: "10 дней" } });
    expect(body.facts).not.toHaveProperty("fee");
    expect(body.facts).not.toHaveProperty("description");
  });

  it("starts the next version from a published one without its change note", () => {
    const person = { id: "u", fullName: "Асель" };
    const version: VersionDto = {
      id: "v",
      articleId: "a",
      locale: "ru",
      number: 1,
      state: "published",
      title: "T",
      body: "B",
      facts: { documents: ["a", "b"] },
      sourceTitle: "Кодекс",
      sourceReference: "ст. 1",
      sourceDate: "2026-01-01",
      validFrom: null,
      reviewBy: "2027-01-01",
      changeNote: "Первая редакция",
      author: person,
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
      submittedAt: null,
      reviewer: null,
      reviewedAt: null,
      reviewComment: "",
      publishedAt: "2026-01-01T00:00:00Z",
    };
    expect(versionToForm(version)).toMatchObject({ documents: "a\nb", changeNote: "", sourceTitle: "Кодекс" });
    expect(versionToForm({ ...version, state: "draft" }).changeNote).toBe("Первая редакция");
    expect(versionToForm({ ...version, state: "review" }).changeNote).toBe("Первая редакция");
  });
});

describe("where the editor starts", () => {
  const published = { id: "p", number: 1, reviewBy: null, validFrom: null, publishedAt: "2026-01-01T00:00:00Z" };
  it("takes the open version, else a sent-back one, else the published one", () => {
    const summaries = [
      { id: "p", number: 1, state: "published" as const },
      { id: "r", number: 2, state: "rejected" as const },
    ];
    expect(editorBase(summaries, { locale: "ru", title: "", published, open: { id: "d", number: 3, state: "draft", validFrom: null } })).toBe("d");
    expect(editorBase(summaries, { locale: "ru", title: "", published, open: null })).toBe("r");
    expect(editorBase(summaries.slice(0, 1), { locale: "ru", title: "", published, open: null })).toBe("p");
    expect(editorBase([], undefined)).toBeNull();
  });
});
