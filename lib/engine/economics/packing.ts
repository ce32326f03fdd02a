// How whole replicas pack into owned servers (the purchase unit): each server of `gpusPerServer` GPUs
// holds floor(gpusPerServer ÷ gpusPerReplica) replicas; a replica wider than a server spans whole
// servers. A leaf module: the cost layer and the configuration ranking (capacity/) both read it.

/** Servers a fleet of whole replicas occupies. On owned hardware a replica costs its share of one. */
export function serversFor(replicas: number, gpusPerReplica: number, gpusPerServer: number): number {
  if (!(replicas > 0)) return 0;
  return gpusPerReplica <= gpusPerServer
    ? Math.ceil(replicas / Math.floor(gpusPerServer / gpusPerReplica) - 1e-9)
    : replicas * Math.ceil(gpusPerReplica / gpusPerServer - 1e-9);
}

/** Replicas `servers` installed servers can hold (the inverse of serversFor). */
export function replicaSlots(servers: number, gpusPerReplica: number, gpusPerServer: number): number {
  return gpusPerReplica <= gpusPerServer
    ? servers * Math.floor(gpusPerServer / gpusPerReplica)
    : Math.floor(servers / Math.ceil(gpusPerReplica / gpusPerServer));
}
