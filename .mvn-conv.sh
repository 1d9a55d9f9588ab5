#!/bin/sh
# private local repo for this worktree (shared ~/.m2 holds other helpers' work-in-progress core)
exec ./mvnw -o -Dmaven.repo.local=/work/m2-conv/repository "$@"
