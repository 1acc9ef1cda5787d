const rupiah = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** "343221061270" → "Rp 343.221.061.270" */
export function formatRupiah(amount: number): string {
  return `Rp ${rupiah.format(amount)}`;
}

/** A target as written ("72.18", "11 dan 2", "-") shown the Indonesian way ("72,18"). */
export function formatTarget(text: string): string {
  return text.replace(/\d+(?:\.\d+)?/g, (n) => {
    const decimals = n.split(".")[1]?.length ?? 0;
    return new Intl.NumberFormat("id-ID", { minimumFractionDigits: decimals }).format(Number(n));
  });
}
