/**
 * The in-house mandate binds the traffic that carries the data, no more: "prompts must stay in house"
 * with a 0% sensitive share binds nothing (exclusions note it), so no option is ruled out and the GPUs
 * are not forced onto owned servers for it. Every rule that reads the mandate asks here.
 */
export function inHouseBinds(data: { mustStayInHouse: boolean; sensitiveShare: number }): boolean {
  return data.mustStayInHouse && data.sensitiveShare > 0;
}
