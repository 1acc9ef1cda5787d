import {
  Badge,
  Button,
  Group,
  Kbd,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { MIN_QUERY, moveHighlight, opensSearch, type SearchHit, useSearch } from "./searchApi";
import "./search.css";

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** One box in the top bar: Ctrl+K or "/" opens it, the arrows pick a hit, Enter opens its page. */
export function SearchBox() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!opensSearch(event, isTextField(event.target))) return;
      event.preventDefault();
      setOpened(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        className="search-trigger"
        onClick={() => setOpened(true)}
        aria-label={t("search.open")}
        data-testid="search-open"
      >
        <span aria-hidden>⌕</span>
        <Text span size="sm" c="dimmed" visibleFrom="md" ml={6}>
          {t("search.placeholder")}
        </Text>
        <Kbd size="xs" ml={8} visibleFrom="md">
          Ctrl K
        </Kbd>
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t("search.title")}
        size="lg"
        yOffset="8vh"
        data-testid="search-dialog"
      >
        {opened && <SearchPanel onDone={() => setOpened(false)} />}
      </Modal>
    </>
  );
}

function SearchPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text.trim(), 200);
  const [active, setActive] = useState(0);
  const result = useSearch(q);
  const hits = q.length >= MIN_QUERY ? (result.data?.hits ?? []) : [];
  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onDone();
    navigate(hit.path);
  };

  return (
    <Stack gap="xs">
      <TextInput
        data-autofocus
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setActive(0);
        }}
        placeholder={t("search.placeholder")}
        aria-label={t("search.title")}
        aria-controls="search-hits"
        aria-activedescendant={hits[active] ? `search-hit-${active}` : undefined}
        rightSection={result.isFetching ? <Loader size={14} /> : null}
        data-testid="search-input"
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => moveHighlight(i, hits.length, e.key as "ArrowDown" | "ArrowUp"));
          } else if (e.key === "Enter") {
            e.preventDefault();
            open(hits[active]);
          }
        }}
      />
      {text.trim().length < MIN_QUERY ? (
        <Text size="sm" c="dimmed">
          {t("search.hint")}
        </Text>
      ) : result.isError ? (
        <Text size="sm" c="red.8">
          {result.error.message}
        </Text>
      ) : hits.length === 0 && !result.isFetching && q === text.trim() ? (
        <Text size="sm" c="dimmed" data-testid="search-empty">
          {t("search.none")}
        </Text>
      ) : (
        <div id="search-hits" role="listbox" className="search-hits">
          {hits.map((hit, i) => (
            <UnstyledButton
              key={`${hit.kind}-${hit.id}`}
              id={`search-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className="search-hit"
              data-active={i === active || undefined}
              data-testid="search-hit"
              data-kind={hit.kind}
              onMouseEnter={() => setActive(i)}
              onClick={() => open(hit)}
            >
              <Group gap="xs" wrap="nowrap" align="start">
                <Badge size="xs" variant="light" className="search-kind">
                  {t(`search.kinds.${hit.kind}`)}
                </Badge>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" lineClamp={2}>
                    {hit.title}
                  </Text>
                  {hit.subtitle && (
                    <Text size="xs" c="dimmed" truncate="end">
                      {hit.subtitle}
                    </Text>
                  )}
                </div>
              </Group>
            </UnstyledButton>
          ))}
        </div>
      )}
      <Text size="xs" c="dimmed" visibleFrom="sm">
        {t("search.keys")}
      </Text>
    </Stack>
  );
}
