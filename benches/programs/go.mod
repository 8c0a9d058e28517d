module mvm.dev/benches

go 1.26
