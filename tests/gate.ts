/** A promise and the function that settles it: lets a test hold work at a point and let it go. */
export function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}
