import type { KbDocumentTextState } from "@bailanys/common/api/kb";
import { Badge, Tooltip } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { DocumentTextModal } from "./DocumentTextModal.tsx";
import type { TextState } from "./useDocumentTextStates.ts";

/** A file's text state as the editor reads it: a text recognised by OCR is told apart from one read as written. */
type TextShown = KbDocumentTextState | "recognized";
const TEXT_COLOR: Record<TextShown, string> = { pending: "gray", reading: "gray", read: "teal", recognized: "teal", none: "yellow", failed: "red" };

interface Props {
  articleId: string;
  file: { id: string; fileName: string };
  text: TextState;
  /** May open the text the search knows (kb.write). */
  canOpen: boolean;
}

/**
 * Whether the words inside a file are searched, with what the editor can do about it on hover or focus; a read
 * text opens on click, so an editor can check what OCR made of a scan.
 */
export function DocumentTextBadge({ articleId, file, text, canOpen }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const shown: TextShown = text.state === "read" && text.recognized ? "recognized" : text.state;
  const openable = canOpen && text.state === "read";
  return (
    <>
      <Tooltip label={t(`kbEditor.files.textHint.${shown}`)} multiline w={280} events={{ hover: true, focus: true, touch: true }}>
        {openable ? (
          <Badge component="button" type="button" onClick={() => setOpen(true)} variant="light" color={TEXT_COLOR[shown]} tt="none" style={{ flexShrink: 0, cursor: "pointer", border: 0 }} data-testid="kb-file-text">
            {t(`kbEditor.files.text.${shown}`)}
          </Badge>
        ) : (
          <Badge variant="light" color={TEXT_COLOR[shown]} tt="none" tabIndex={0} style={{ flexShrink: 0 }} data-testid="kb-file-text">
            {t(`kbEditor.files.text.${shown}`)}
          </Badge>
        )}
      </Tooltip>
      {open && <DocumentTextModal articleId={articleId} file={file} onClose={close} />}
    </>
  );
}
