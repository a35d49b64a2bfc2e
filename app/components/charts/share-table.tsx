// The table behind both share-of-voice charts (the same numbers, for reading and for
// screen readers), and the rounding they share.

export const percent = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 100) : 0)

export interface SharePart {
  key: string
  label: string
  mentions: number
}

export function ShareTable({ parts, labels }: { parts: SharePart[]; labels: { part: string; mentions: string; share: string } }) {
  const total = parts.reduce((sum, p) => sum + p.mentions, 0)
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{labels.part}</th>
          <th scope="col">{labels.mentions}</th>
          <th scope="col">{labels.share}</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.key}>
            <td>{p.label}</td>
            <td>{p.mentions}</td>
            <td>{percent(p.mentions, total)}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
