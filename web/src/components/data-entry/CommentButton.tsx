import { ActionIcon, Button, Group, Popover, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  elementName: string;
  comment: string | null;
  /** A warning on this value asks for an explanation. */
  wanted: boolean;
  opened: boolean;
  onOpenedChange: (opened: boolean) => void;
  onSave: (comment: string | null) => void;
}

function BubbleIcon({ filled }: { filled: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M4 4h16v11H9l-5 4z"
        fill={filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Edits the comment of one value in a popover, so the grid stays one line per element. */
export function CommentButton(props: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.comment ?? "");
  const has = Boolean(props.comment);
  const save = () => {
    props.onSave(text.trim() || null);
    props.onOpenedChange(false);
  };
  return (
    <Popover
      opened={props.opened}
      onChange={props.onOpenedChange}
      onOpen={() => setText(props.comment ?? "")}
      position="left"
      width={320}
      withArrow
      trapFocus
    >
      <Popover.Target>
        <ActionIcon
          variant={has ? "light" : "subtle"}
          color={props.wanted && !has ? "orange" : has ? "teal" : "gray"}
          aria-label={`${t("dataEntry.comment")}: ${props.elementName}`}
          title={props.comment ?? t("dataEntry.addComment")}
          // Tab moves between values as in a spreadsheet; the comment is reached by mouse or "beri keterangan".
          tabIndex={-1}
          onClick={() => props.onOpenedChange(!props.opened)}
        >
          <BubbleIcon filled={has} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {props.elementName}
          </Text>
          <Textarea
            label={t("dataEntry.comment")}
            autosize
            minRows={2}
            maxLength={1000}
            value={text}
            data-autofocus
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) save();
            }}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => props.onOpenedChange(false)}>
              {t("dataEntry.cancel")}
            </Button>
            <Button size="xs" onClick={save}>
              {t("dataEntry.saveComment")}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
