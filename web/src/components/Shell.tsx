import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  Menu,
  NavLink,
  SegmentedControl,
  Text,
  Title,
  useMantineTheme,
} from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import type { CurrentUser } from "../../../src/auth/schemas";
import { useCurrentUser, useLogout } from "../session";
import { NotificationBell } from "./notifications/NotificationBell";
import { SearchBox } from "./search/SearchBox";

type Permission = CurrentUser["permissions"][number];

const navItems: Array<{ to: string; key: string; permission?: Permission }> = [
  { to: "/", key: "nav.home" },
  { to: "/renstra", key: "renstra.nav", permission: "plan.read" },
  { to: "/lkjip", key: "lkjip.nav", permission: "plan.read" },
  { to: "/rencana", key: "nav.plans", permission: "plan.read" },
  { to: "/evaluasi", key: "evaluation.nav", permission: "plan.read" },
  { to: "/indikator", key: "indicators.nav", permission: "indicator.define" },
  { to: "/isian", key: "dataEntry.nav.entry", permission: "data.read" },
  { to: "/unggah-isian", key: "dataUpload.nav", permission: "data.enter" },
  { to: "/impor-dhis2", key: "dhis2.nav", permission: "data.read" },
  { to: "/kelengkapan", key: "dataEntry.nav.completeness", permission: "data.read" },
  { to: "/skor-kartu", key: "scorecard.nav", permission: "data.read" },
  { to: "/spm", key: "nav.spm", permission: "spm.read" },
  { to: "/sasaran", key: "nav.populations", permission: "spm.read" },
  { to: "/skm", key: "nav.skm", permission: "spm.read" },
  { to: "/unit-organisasi", key: "nav.orgUnits", permission: "orgunit.read" },
  { to: "/pengguna", key: "nav.users", permission: "user.manage" },
  { to: "/audit", key: "nav.audit", permission: "audit.read" },
  { to: "/tenggat", key: "reminders.nav", permission: "deadline.manage" },
  { to: "/formulir-data", key: "dataSets.nav.sets", permission: "metadata.manage" },
  { to: "/elemen-data", key: "dataSets.nav.elements", permission: "metadata.manage" },
];

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const visible = navItems.filter((item) => !item.permission || user.permissions.includes(item.permission));
  // On a phone the folded menu only slides out of view: inert keeps Tab from walking through its links unseen.
  const phone = useMediaQuery(`(max-width: ${useMantineTheme().breakpoints.sm})`);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href="#main-content">
        {t("skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("menu")}
              aria-expanded={opened}
            />
            <Title order={3} c="teal.8">
              {t("app.name")}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t("app.tagline")}
            </Text>
          </Group>
          {/* Only the name gives way on a narrow screen: cut with "…", whole in its tooltip and the menu. */}
          <Group gap="sm" wrap="nowrap" miw={0}>
            <SearchBox />
            {user.isDemo && (
              <Badge color="yellow" variant="light" style={{ flexShrink: 0 }} visibleFrom="sm">
                {t("auth.demoBadge")}
              </Badge>
            )}
            <SegmentedControl
              size="xs"
              style={{ flexShrink: 0 }}
              aria-label={t("language")}
              value={i18n.language}
              onChange={(lng) => void i18n.changeLanguage(lng)}
              data={[
                { value: "id", label: "ID" },
                { value: "en", label: "EN" },
              ]}
            />
            <NotificationBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  miw={0}
                  maw={320}
                  title={user.fullName}
                  data-testid="user-menu"
                >
                  <Text span inherit truncate="end">
                    {user.fullName}
                  </Text>
                </Button>
              </Menu.Target>
              <Menu.Dropdown maw="min(360px, calc(100vw - 16px))">
                <Menu.Label c="var(--mantine-color-text)" fw={600} data-testid="user-full-name">
                  {user.fullName}
                </Menu.Label>
                {user.roles.map((r) => (
                  <Menu.Label key={`${r.role}-${r.orgUnitId}`}>
                    {t(`roles.${r.role}`)} — {r.orgUnitName}
                  </Menu.Label>
                ))}
                <Menu.Divider />
                <Menu.Item component={Link} to="/kata-sandi">
                  {t("auth.changePassword")}
                </Menu.Item>
                <Menu.Item color="red" onClick={() => logout.mutate()}>
                  {t("auth.logout")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" inert={phone && !opened}>
        {visible.map((item) => (
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
      <AppShell.Main id="main-content" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
