import type { CreateUserBody, UpdateUserBody, UserDto } from "@bailanys/common/api/users";
import { LOCALES, isLocale, type Locale } from "@bailanys/common/locales";
import { ROLES, isRole, type Role } from "@bailanys/common/permissions";
import { MultiSelect, PasswordInput, Select, SimpleGrid, Switch, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { BodySelect } from "../../../components/BodySelect.tsx";
import { FormModal } from "../../../components/FormModal.tsx";
import { useSave } from "../../../hooks/useSave.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
import { useReference } from "../../../reference/useReference.ts";

const FIELDS = ["login", "fullName", "email", "roles", "locale", "bodyId", "unitId", "positionId", "password", "active"] as const;
type Field = (typeof FIELDS)[number];
const LOGIN = /^[a-zA-Z0-9._-]{3,60}$/;

interface Props {
  user: UserDto | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Open or change a staff account. */
export function UserModal({ user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useLocalizedName();
  const { reference } = useReference();
  const [login, setLogin] = useState(user?.login ?? "");
  const [fullName, setFullName] = useState(user?.fullName ?? "");
  const [email, setEmail] = useState(user?.email ?? "");
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ["operator"]);
  const [userLocale, setUserLocale] = useState<Locale>(user?.locale ?? locale);
  const [bodyId, setBodyId] = useState<string | null>(user?.bodyId ?? null);
  const [unitId, setUnitId] = useState<string | null>(user?.unitId ?? null);
  const [positionId, setPositionId] = useState<string | null>(user?.positionId ?? null);
  const [password, setPassword] = useState("");
  const [active, setActive] = useState(user?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { busy, save } = useSave();

  const units = (reference?.units ?? []).filter((u) => u.bodyId === bodyId).map((u) => ({ value: u.id, label: name(u) }));
  const positions = (reference?.positions ?? []).filter((p) => p.unitId === unitId).map((p) => ({ value: p.id, label: name(p) }));

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    const required = errorText("FIELD_REQUIRED", locale);
    if (user === null && !LOGIN.test(login)) {
      found.login = login === "" ? required : errorText("FIELD_INVALID", locale);
    }
    if (fullName.trim() === "") {
      found.fullName = required;
    }
    if (roles.length === 0) {
      found.roles = required;
    }
    if (user === null && password.length < 10) {
      found.password = t("users.passwordTooShort");
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const fields = {
      fullName: fullName.trim(),
      email: email.trim() === "" ? null : email.trim(),
      roles,
      locale: userLocale,
      bodyId,
      unitId,
      positionId,
    };
    const problems = await save(async () => {
      if (user === null) {
        const body: CreateUserBody = { login, password, ...fields };
        await api<UserDto>("/users", { method: "POST", json: body });
      } else {
        const body: UpdateUserBody = { ...fields, active };
        await api<UserDto>(`/users/${user.id}`, { method: "PUT", json: body });
      }
    }, FIELDS);
    if (problems === null) {
      onSaved();
    } else {
      setErrors(problems);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={user ? t("users.edit", { login: user.login }) : t("users.create")} size="lg" onSubmit={submit} busy={busy}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("users.login")} value={login} onChange={(e) => setLogin(e.currentTarget.value.trim())} error={errors.login} disabled={user !== null} maxLength={60} autoComplete="off" />
        <TextInput label={t("users.fullName")} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} error={errors.fullName} maxLength={300} />
        <TextInput label={t("users.email")} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} maxLength={200} />
        <Select
          label={t("users.locale")}
          data={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
          value={userLocale}
          onChange={(v) => {
            if (isLocale(v)) {
              setUserLocale(v);
            }
          }}
          allowDeselect={false}
          error={errors.locale}
        />
      </SimpleGrid>
      <MultiSelect
        label={t("users.roles")}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={roles}
        onChange={(values) => setRoles(values.filter(isRole))}
        error={errors.roles}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <BodySelect
          value={bodyId}
          onChange={(v) => {
            setBodyId(v);
            setUnitId(null);
            setPositionId(null);
          }}
          error={errors.bodyId}
          clearable
        />
        <Select
          label={t("appeals.unit")}
          data={units}
          value={unitId}
          onChange={(v) => {
            setUnitId(v);
            setPositionId(null);
          }}
          error={errors.unitId}
          disabled={bodyId === null}
          clearable
        />
        <Select label={t("appeals.position")} data={positions} value={positionId} onChange={setPositionId} error={errors.positionId} disabled={unitId === null} clearable />
      </SimpleGrid>
      {user === null ? (
        <PasswordInput label={t("users.initialPassword")} description={t("users.passwordHint")} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password} autoComplete="new-password" />
      ) : (
        <Switch label={t("common.active")} description={t("users.deactivateHint")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      )}
    </FormModal>
  );
}
