import { Fieldset, Grid, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocalizedName } from "../../i18n/useLocalizedName.ts";
import { useReference } from "../../reference/useReference.ts";
import type { AppealFormErrors, AppealFormValues } from "./appealForm.ts";

interface Props {
  values: AppealFormValues;
  errors: AppealFormErrors;
  onChange: (patch: Partial<AppealFormValues>) => void;
}

/** Who is responsible: a body served by the platform, then one of its units and a position in that unit. */
export function RoutingFieldset({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const { reference } = useReference();
  const name = useLocalizedName();
  const bodies = (reference?.bodies ?? []).filter((b) => !b.isExternal && b.active).map((b) => ({ value: b.id, label: name(b) }));
  const units = (reference?.units ?? []).filter((u) => u.active && u.bodyId === values.bodyId).map((u) => ({ value: u.id, label: name(u) }));
  const positions = (reference?.positions ?? []).filter((p) => p.active && p.unitId === values.unitId).map((p) => ({ value: p.id, label: name(p) }));

  return (
    <Fieldset legend={t("appealForm.routingLegend")}>
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Select
            label={t("appeals.body")}
            description={t("appealForm.bodyHint")}
            data={bodies}
            value={values.bodyId}
            onChange={(value) => onChange({ bodyId: value, unitId: null, positionId: null })}
            error={errors.bodyId}
            searchable
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Select
            label={t("appeals.unit")}
            data={units}
            value={values.unitId}
            onChange={(value) => onChange({ unitId: value, positionId: null })}
            error={errors.unitId}
            disabled={values.bodyId === null}
            searchable
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Select
            label={t("appeals.position")}
            data={positions}
            value={values.positionId}
            onChange={(value) => onChange({ positionId: value })}
            error={errors.positionId}
            disabled={values.unitId === null}
            clearable
          />
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}
