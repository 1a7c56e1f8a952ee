import { Group, Title } from "@mantine/core";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";

/** The bar of the pages used without signing in: product name and language. */
export function PublicHeader() {
  return (
    <Group justify="space-between" px="md" py="sm" bg="white" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      <Title order={3} c="bailanys.8">
        Bailanys
      </Title>
      <LanguageSwitcher />
    </Group>
  );
}
