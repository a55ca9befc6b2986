import { TabNav, type TabItem } from "@/components/ui/tab-nav";

export type SettingsNavItem = TabItem;

/** Tabs between the settings pages (General is the section root). */
export function SettingsNav({ items }: { items: SettingsNavItem[] }) {
  return <TabNav items={items} label="Settings" nested />;
}
