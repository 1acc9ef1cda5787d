import { AppShell, Burger, Group, NavLink, SegmentedControl, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Route, Routes, useLocation } from "react-router-dom";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrgUnitsPage } from "./pages/OrgUnitsPage";
import { PlanPage } from "./pages/PlanPage";
import { SpmPage } from "./pages/SpmPage";

const navItems = [
  { to: "/", key: "nav.home" },
  { to: "/rencana", key: "nav.plans" },
  { to: "/spm", key: "nav.spm" },
  { to: "/unit-organisasi", key: "nav.orgUnits" },
] as const;

export function App() {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="menu" />
            <Title order={3} c="teal.8">
              {t("app.name")}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t("app.tagline")}
            </Text>
          </Group>
          <SegmentedControl
            size="xs"
            aria-label={t("language")}
            value={i18n.language}
            onChange={(lng) => void i18n.changeLanguage(lng)}
            data={[
              { value: "id", label: "ID" },
              { value: "en", label: "EN" },
            ]}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {navItems.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.key)}
            onClick={close}
            active={item.to === "/" ? location.pathname === "/" : location.pathname.startsWith(item.to)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/rencana" element={<PlanPage />} />
          <Route path="/rencana/:planId" element={<PlanPage />} />
          <Route path="/spm" element={<SpmPage />} />
          <Route path="/unit-organisasi" element={<OrgUnitsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
