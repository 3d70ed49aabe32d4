/** Vietnamese names put the given name last: "Lê Thị Mai" → "LM". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = words[0]!.charAt(0)
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : ''
  return (first + last).toUpperCase()
}

const HUES = [212, 262, 330, 24, 152, 190, 45, 0]

function hueOf(id: string): number {
  let h = 0
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return HUES[h % HUES.length]!
}

export function Avatar({ id, name, size = 24 }: { id: string; name: string; size?: number }) {
  const hue = hueOf(id)
  return (
    <span
      className="avatar"
      title={name}
      // Decorative: a name is always written next to it or in its container's label.
      aria-hidden="true"
      style={{
        width: size,
        height: size,
        fontSize: Math.round(size * 0.42),
        background: `hsl(${hue} 70% 92%)`,
        color: `hsl(${hue} 55% 32%)`,
      }}
    >
      {initialsOf(name)}
    </span>
  )
}
