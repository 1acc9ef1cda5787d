import { Button, Grid, Group, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { OrgUnitImport } from "../components/org-units/OrgUnitImport";
import { OrgUnitTree } from "../components/org-units/OrgUnitTree";
import { type OrgUnit, useOrgUnitTree } from "../components/org-units/orgUnitsApi";
import { CloseModal, MoveModal } from "../components/org-units/UnitActionModals";
import { type UnitAction, UnitDetails } from "../components/org-units/UnitDetails";
import { UnitFormModal } from "../components/org-units/UnitFormModal";
import { QueryState } from "../components/QueryState";
import { useCan, useCurrentUser } from "../session";

/** Opened at first: the top units and the level below them (the kota's kecamatan and hospitals). */
function initiallyExpanded(units: OrgUnit[]) {
  const top = Math.min(...units.map((u) => u.level));
  return new Set(units.filter((u) => u.level <= top + 1).map((u) => u.id));
}

/** /unit-organisasi: the tree; an admin adds, edits, moves, closes and imports units, others read it. */
export function OrgUnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const user = useCurrentUser();
  const canManage = can("orgunit.manage");
  const [includeClosed, setIncludeClosed] = useState(false);
  const query = useOrgUnitTree(includeClosed);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [params] = useSearchParams();
  // ?unit= (the search's link) chooses the unit, also when the page is already open.
  const [selectedId, setSelectedId] = useState<string | null>(params.get("unit"));
  const linked = params.get("unit");
  useEffect(() => {
    if (linked) setSelectedId(linked);
  }, [linked]);
  const [action, setAction] = useState<UnitAction | null>(null);
  const [showImport, setShowImport] = useState(false);
  // Below the md breakpoint the details stack under the tree: bring them into view when a unit is chosen.
  useEffect(() => {
    if (!selectedId || !window.matchMedia("(max-width: 62em)").matches) return;
    document.querySelector('[data-testid="unit-details"]')?.scrollIntoView({ block: "start" });
  }, [selectedId]);

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t("orgUnits.title")}</Title>
        {canManage && (
          <Button variant="light" onClick={() => setShowImport((v) => !v)} data-testid="open-import">
            {t("orgTree.import.open")}
          </Button>
        )}
      </Group>
      <Text size="sm">{canManage ? t("orgTree.intro") : t("orgTree.readOnly")}</Text>
      <QueryState query={query}>
        {(units) => {
          const open = expanded ?? initiallyExpanded(units);
          const byId = new Map(units.map((u) => [u.id, u]));
          const selected = selectedId ? byId.get(selectedId) : undefined;
          const parentOf = (u: OrgUnit) => (u.parentId ? (byId.get(u.parentId) ?? null) : null);
          const regions = user.roles
            .filter((r) => r.role === "admin_dinas")
            .map((r) => byId.get(r.orgUnitId))
            .filter((u): u is OrgUnit => !!u);
          const done = (unit: OrgUnit) => {
            setAction(null);
            setSelectedId(unit.id);
            const next = new Set(open);
            for (let p = unit.parentId; p; p = byId.get(p)?.parentId ?? null) next.add(p);
            setExpanded(next);
          };
          return (
            <>
              {showImport && canManage && <OrgUnitImport regions={regions} />}
              <Grid>
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Paper withBorder p="sm">
                    <Group justify="space-between" mb="xs" wrap="wrap">
                      <Text c="dimmed" size="sm">
                        {t("orgUnits.count", { count: units.length })}
                      </Text>
                      <Group gap="xs" wrap="wrap">
                        <Switch
                          size="xs"
                          label={t("orgTree.showClosed")}
                          checked={includeClosed}
                          onChange={(e) => setIncludeClosed(e.currentTarget.checked)}
                          data-testid="show-closed"
                        />
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setExpanded(new Set(units.map((u) => u.id)))}
                        >
                          {t("orgTree.expandAll")}
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => setExpanded(new Set())}>
                          {t("orgTree.collapseAll")}
                        </Button>
                      </Group>
                    </Group>
                    <OrgUnitTree
                      units={units}
                      expanded={open}
                      selectedId={selectedId}
                      onSelect={setSelectedId}
                      onToggle={(id) => {
                        const next = new Set(open);
                        if (next.has(id)) next.delete(id);
                        else next.add(id);
                        setExpanded(next);
                      }}
                    />
                  </Paper>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 5 }}>
                  {selected ? (
                    <UnitDetails unit={selected} units={units} canManage={canManage} onAction={setAction} />
                  ) : (
                    <Text c="dimmed">{t("orgTree.choose")}</Text>
                  )}
                </Grid.Col>
              </Grid>
              {selected && action === "addChild" && (
                <UnitFormModal
                  mode="create"
                  parent={selected}
                  onClose={() => setAction(null)}
                  onSaved={done}
                />
              )}
              {selected && action === "edit" && (
                <UnitFormModal
                  mode="edit"
                  parent={parentOf(selected)}
                  unit={selected}
                  onClose={() => setAction(null)}
                  onSaved={done}
                />
              )}
              {selected && action === "move" && (
                <MoveModal unit={selected} units={units} onClose={() => setAction(null)} onSaved={done} />
              )}
              {selected && action === "close" && (
                <CloseModal unit={selected} onClose={() => setAction(null)} onSaved={done} />
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
