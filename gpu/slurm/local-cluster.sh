#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for trying the Slurm path without a real cluster:
#   gpu/slurm/local-cluster.sh start     install slurm-wlm and munge if missing, start them
#   gpu/slurm/local-cluster.sh stop      stop the daemons this script started
#   gpu/slurm/local-cluster.sh env       print the export line client commands need
# Needs root (slurmd launches jobs as their user). Everything listens on 127.0.0.1 only; the
# configuration, state and logs live in COLLAPSE_SLURM_DIR (default /tmp/collapse-slurm).
# Debian's packages (12, Slurm 22.05) are what this was written and checked against.
set -euo pipefail
state="${COLLAPSE_SLURM_DIR:-/tmp/collapse-slurm}"
conf="$state/slurm.conf"

install_packages() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null \
      && command -v munged >/dev/null; then
    return
  fi
  echo "local-cluster: installing slurm-wlm and munge" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge
}

write_config() {
  local node cpus memory
  node="$(hostname -s)"
  cpus="$(nproc)"
  memory="$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')"
  mkdir -p "$state/ctld" "$state/spool" "$state/log"
  # NoInAddrAny (slurmd) and NoCtldInAddrAny (slurmctld) bind the listening sockets to the
  # configured address, 127.0.0.1, instead of every interface.
  cat > "$conf" <<CONF
ClusterName=collapse-local
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=6817
SlurmdPort=6818
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/spool
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=$node CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
}

start_munge() {
  if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
    return
  fi
  [ -s /etc/munge/munge.key ] || runuser -u munge -- mungekey --create 2>/dev/null \
    || /usr/sbin/create-munge-key
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do
    munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && return
    sleep 0.1
  done
  echo "local-cluster: munged did not start; see /var/log/munge/munged.log" >&2
  exit 1
}

start() {
  install_packages
  write_config
  start_munge
  export SLURM_CONF="$conf"
  if ! scontrol ping >/dev/null 2>&1; then
    slurmctld -f "$conf"
  fi
  if ! pgrep -F "$state/slurmd.pid" >/dev/null 2>&1; then
    slurmd -f "$conf"
  fi
  check_loopback
  for _ in $(seq 100); do
    if sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then
      echo "local-cluster: up ($(sinfo -h -o '%n %c CPUs %t')); run: export SLURM_CONF=$conf"
      return
    fi
    sleep 0.2
  done
  echo "local-cluster: the node did not come up; see $state/log/" >&2
  exit 1
}

# Stops the cluster if slurmctld or slurmd listens anywhere but on 127.0.0.1.
check_loopback() {
  command -v ss >/dev/null || return 0
  sleep 0.5
  if ss -ltnH '( sport = :6817 or sport = :6818 )' | awk '{print $4}' \
      | grep -qv '^127\.0\.0\.1:'; then
    stop
    echo "local-cluster: Slurm listened beyond 127.0.0.1; stopped it" >&2
    exit 1
  fi
}

stop() {
  for daemon in slurmd slurmctld; do
    if [ -f "$state/$daemon.pid" ]; then
      kill "$(cat "$state/$daemon.pid")" 2>/dev/null || true
      rm -f "$state/$daemon.pid"
    fi
  done
  echo "local-cluster: stopped slurmd and slurmctld (munged keeps running)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
