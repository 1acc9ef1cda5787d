import { Badge, Group, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OrgUnit } from "./orgUnitsApi";
import "./org-units.css";

const TYPE_COLOR: Partial<Record<OrgUnit["type"], string>> = {
  kabupaten_kota: "indigo",
  kecamatan: "grape",
  kelurahan: "teal",
  puskesmas: "blue",
  rsud: "red",
  rs_swasta: "pink",
  klinik: "orange",
  bidan_praktik_mandiri: "yellow",
};

interface Props {
  units: OrgUnit[];
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The units in tree order, indented, each parent with a toggle; closed units greyed. */
export function OrgUnitTree({ units, expanded, onToggle, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const byId = new Map(units.map((u) => [u.id, u]));
  const hasChildren = new Set(units.map((u) => u.parentId).filter((p): p is string => !!p));
  const top = Math.min(...units.map((u) => u.level));
  const visible = units.filter((u) => {
    // Shown when every ancestor present in the list is expanded.
    for (let p = u.parentId; p && byId.has(p); p = byId.get(p)?.parentId ?? null)
      if (!expanded.has(p)) return false;
    return true;
  });
  return (
    <div className="org-tree" data-testid="org-tree">
      {visible.map((u) => (
        <div
          key={u.id}
          className={`org-tree-row${u.id === selectedId ? " is-selected" : ""}${u.closedOn ? " is-closed" : ""}`}
          style={{ paddingLeft: 4 + Math.min(u.level - top, 6) * 16 }}
          data-code={u.code}
        >
          {hasChildren.has(u.id) ? (
            <UnstyledButton
              className="org-tree-toggle"
              aria-expanded={expanded.has(u.id)}
              aria-label={expanded.has(u.id) ? t("orgTree.collapse") : t("orgTree.expand")}
              onClick={() => onToggle(u.id)}
            >
              {expanded.has(u.id) ? "▾" : "▸"}
            </UnstyledButton>
          ) : (
            <span className="org-tree-toggle" />
          )}
          <UnstyledButton
            className="org-tree-label"
            aria-pressed={u.id === selectedId}
            onClick={() => onSelect(u.id)}
          >
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={u.type === "kabupaten_kota" ? 600 : 400} className="org-tree-name">
                {u.officeName ?? u.name}
              </Text>
              <Badge size="xs" variant="light" color={TYPE_COLOR[u.type] ?? "gray"}>
                {t(`orgUnits.types.${u.type}`)}
              </Badge>
              {u.closedOn && (
                <Badge size="xs" variant="outline" color="gray">
                  {t("orgTree.closedBadge")}
                </Badge>
              )}
              <Text size="xs" c="dimmed" ff="monospace">
                {u.code}
              </Text>
            </Group>
          </UnstyledButton>
        </div>
      ))}
    </div>
  );
}
