import type { AppealDto, TransitionOption } from "@bailanys/common/api/appeals";
import { Button, Card, Group, Text, Title } from "@mantine/core";
import { IconArrowForwardUp, IconArrowRight, IconCalendarPlus, IconCopy, IconPhoneOutgoing, IconUserCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useReference } from "../../../reference/useReference.ts";
import { useSession } from "../../../session/useSession.ts";
import { AssignModal } from "./AssignModal.tsx";
import { DuplicateModal } from "./DuplicateModal.tsx";
import { ExtendModal } from "./ExtendModal.tsx";
import { ForwardModal } from "./ForwardModal.tsx";
import { TransitionModal } from "./TransitionModal.tsx";
import type { ActionResult } from "./useAppealAction.ts";
import { WithdrawModal } from "./WithdrawModal.tsx";
import { DialModal } from "../../workspace/DialModal.tsx";

type Open =
  | { kind: "transition"; option: TransitionOption }
  | { kind: "assign" }
  | { kind: "forward" }
  | { kind: "extend" }
  | { kind: "withdraw" }
  | { kind: "duplicate" }
  | { kind: "dial" };

interface Props {
  card: AppealDto;
  busy: boolean;
  run: <F extends string>(path: string, body: Record<string, unknown>, fields: readonly F[], success: string) => Promise<ActionResult<F>>;
}

/**
 * The actions the user may take on an open appeal: the status graph's edges plus assign, forward, extend, withdraw,
 * duplicate, and a call to the citizen (a follow-up that opens in the workspace).
 */
export function AppealActions({ card, busy, run }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { reference } = useReference();
  const [open, setOpen] = useState<Open | null>(null);
  const navigate = useNavigate();

  if (card.closedAt !== null) {
    return null;
  }
  // Withdrawal and duplicates close through statuses marked with that action; the graph must allow the move.
  const graphAllows = (action: "withdraw" | "duplicate") => {
    const targets = new Set((reference?.statuses ?? []).filter((s) => s.action === action && s.active).map((s) => s.code));
    return (reference?.transitions ?? []).some((edge) => edge.fromStatus === card.status.code && targets.has(edge.toStatus));
  };
  const close = () => setOpen(null);
  const runAt =
    (path: string, success: string) =>
    <F extends string>(body: Record<string, unknown>, fields: readonly F[]) =>
      run(path, body, fields, success);

  const canAssign = can("appeal.assign");
  const canForward = can("appeal.forward");
  const canExtend = can("appeal.extend");
  const canWithdraw = can("appeal.withdraw") && graphAllows("withdraw");
  const canDuplicate = can("appeal.link_duplicate") && graphAllows("duplicate");
  const canDial = can("contact.handle") && card.citizen !== null;
  const nothing = card.transitions.length === 0 && !canAssign && !canForward && !canExtend && !canWithdraw && !canDuplicate && !canDial;

  return (
    <Card withBorder data-testid="appeal-actions">
      <Title order={3} size="h4" mb="sm">
        {t("card.actions")}
      </Title>
      {nothing ? (
        <Text size="sm" c="dimmed">
          {t("card.noActions")}
        </Text>
      ) : (
        <Group gap="xs">
          {card.transitions.map((option) => (
            <Button
              key={option.to.code}
              variant="light"
              color={option.to.color}
              leftSection={<IconArrowRight size={16} aria-hidden />}
              onClick={() => setOpen({ kind: "transition", option })}
              data-testid={`action-transition-${option.to.code}`}
            >
              {t("card.transitionTo", { status: option.to.name })}
            </Button>
          ))}
          {canAssign && (
            <Button variant="default" leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => setOpen({ kind: "assign" })} data-testid="action-assign">
              {t("assign.button")}
            </Button>
          )}
          {canForward && (
            <Button variant="default" leftSection={<IconArrowForwardUp size={16} aria-hidden />} onClick={() => setOpen({ kind: "forward" })} data-testid="action-forward">
              {t("forward.button")}
            </Button>
          )}
          {canExtend && (
            <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setOpen({ kind: "extend" })} data-testid="action-extend">
              {t("extend.button")}
            </Button>
          )}
          {canWithdraw && (
            <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => setOpen({ kind: "withdraw" })} data-testid="action-withdraw">
              {t("withdraw.button")}
            </Button>
          )}
          {canDial && (
            <Button variant="default" leftSection={<IconPhoneOutgoing size={16} aria-hidden />} onClick={() => setOpen({ kind: "dial" })} data-testid="action-dial">
              {t("workspace.dial.title")}
            </Button>
          )}
          {canDuplicate && (
            <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => setOpen({ kind: "duplicate" })} data-testid="action-duplicate">
              {t("duplicate.button")}
            </Button>
          )}
        </Group>
      )}
      {open?.kind === "transition" && <TransitionModal option={open.option} busy={busy} onClose={close} run={runAt("/transitions", t("transition.done"))} />}
      {open?.kind === "assign" && <AssignModal card={card} busy={busy} onClose={close} run={runAt("/assign", t("assign.done"))} />}
      {open?.kind === "forward" && <ForwardModal card={card} busy={busy} onClose={close} run={runAt("/forwards", t("forward.done"))} />}
      {open?.kind === "extend" && <ExtendModal card={card} busy={busy} onClose={close} run={runAt("/extensions", t("extend.done"))} />}
      {open?.kind === "withdraw" && <WithdrawModal busy={busy} onClose={close} run={runAt("/withdraw", t("withdraw.done"))} />}
      {open?.kind === "dial" && (
        <DialModal
          path={`/appeals/${card.id}/dial`}
          suggested={card.citizen?.masked === false ? card.citizen.phone : null}
          doneText={t("workspace.dial.doneFromAppeal")}
          onClose={close}
          onPlaced={() => void navigate("/workspace")}
        />
      )}
      {open?.kind === "duplicate" && <DuplicateModal busy={busy} onClose={close} run={runAt("/duplicate", t("duplicate.done"))} />}
    </Card>
  );
}
