import { ActionIcon, Badge, Menu } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Plan, PlanIndicator, PlanNode } from "../../../../src/plans/schemas";
import { AddItemModal, type AddTarget } from "./AddItemModal";
import { DeleteModal } from "./DeleteModal";
import { LinkDefinitionModal } from "./LinkDefinitionModal";
import { childLevelOf, siblingsOf } from "./rows";
import type { PlanEditor } from "./usePlanEditor";

type Deleting = { kind: "node"; node: PlanNode } | { kind: "indicator"; indicator: PlanIndicator } | null;

/** The small ⋮ menus of the table rows and the dialogs they open. */
export function useRowActions(plan: Plan, editor: PlanEditor) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<AddTarget | null>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [linking, setLinking] = useState<PlanIndicator | null>(null);
  const [error, setError] = useState<string | null>(null);

  const move = async (node: PlanNode, step: -1 | 1) => {
    const siblings = siblingsOf(plan, node);
    const index = siblings.findIndex((s) => s.id === node.id) + step;
    setError(null);
    await editor
      .structural("POST", `/nodes/${node.id}/move`, {
        revision: node.revision,
        parentId: node.parentId,
        index,
      })
      .catch((e: Error) => setError(e.message));
  };

  const nodeMenu = (node: PlanNode) => {
    const siblings = siblingsOf(plan, node);
    const position = siblings.findIndex((s) => s.id === node.id);
    const child = childLevelOf[node.level];
    const level = (l: string) => t(`plans.levels.${l}`);
    return (
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t("plans.edit.rowMenu", { name: node.name })}
            className="rak-menu"
          >
            ⋮
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setAdding({ kind: "indicator", nodeId: node.id, nodeName: node.name })}>
            {t("plans.edit.addIndicator")}
          </Menu.Item>
          {child && (
            <Menu.Item
              onClick={() =>
                setAdding({ kind: "node", parentId: node.id, level: child, parentName: node.name })
              }
            >
              {t("plans.edit.addChild", { level: level(child) })}
            </Menu.Item>
          )}
          <Menu.Item onClick={() => setAdding({ kind: "node", parentId: node.parentId, level: node.level })}>
            {t("plans.edit.addSibling", { level: level(node.level) })}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item disabled={position === 0} onClick={() => move(node, -1)}>
            ↑ {t("plans.edit.moveUp")}
          </Menu.Item>
          <Menu.Item disabled={position === siblings.length - 1} onClick={() => move(node, 1)}>
            ↓ {t("plans.edit.moveDown")}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => setDeleting({ kind: "node", node })}>
            {t("plans.edit.deleteNode", { level: level(node.level) })}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    );
  };

  const indicatorMenu = (indicator: PlanIndicator) => (
    <>
      {indicator.definitionId && (
        <Badge size="xs" variant="light" color="teal" mr={4}>
          {t("indicators.link.badge")}
        </Badge>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t("plans.edit.rowMenu", { name: indicator.name })}
            className="rak-menu"
          >
            ⋮
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setLinking(indicator)}>{t("indicators.link.menu")}</Menu.Item>
          <Menu.Item color="red" onClick={() => setDeleting({ kind: "indicator", indicator })}>
            {t("plans.edit.deleteIndicator")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );

  const remove = (reason: string) => {
    if (!deleting) return Promise.resolve();
    const { revision, id } = deleting.kind === "node" ? deleting.node : deleting.indicator;
    const query = `revision=${revision}${reason ? `&reason=${encodeURIComponent(reason)}` : ""}`;
    const path = deleting.kind === "node" ? `/nodes/${id}` : `/indicators/${id}`;
    return editor.structural("DELETE", `${path}?${query}`);
  };

  const dialogs = (
    <>
      {adding && (
        <AddItemModal
          target={adding}
          onClose={() => setAdding(null)}
          submit={(path, body) => editor.structural("POST", path, body)}
        />
      )}
      {linking && (
        <LinkDefinitionModal
          indicator={linking}
          onClose={() => setLinking(null)}
          submit={(body) => editor.structural("PATCH", `/indicators/${linking.id}`, body)}
        />
      )}
      {deleting && (
        <DeleteModal
          what={deleting.kind === "node" ? deleting.node.name : deleting.indicator.name}
          cascades={deleting.kind === "node"}
          onClose={() => setDeleting(null)}
          remove={remove}
        />
      )}
    </>
  );

  const addTopLevel = () => setAdding({ kind: "node", parentId: null, level: "sasaran" });
  return { nodeMenu, indicatorMenu, dialogs, addTopLevel, error, clearError: () => setError(null) };
}
