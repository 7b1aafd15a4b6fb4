# Sourced by build/test.sh: provides what the tests need beyond the .NET SDK, or says in one line what is missing.
#   - Fashion-MNIST (Debian package dataset-fashion-mnist, in /usr/share/datasets/fashion-mnist) for the image tests;
#   - Dask distributed for Debian's system Python (python3-distributed) for the shard recipe's test;
#   - a PostgreSQL server on loopback with role mlgan / database mlgan_test for the export test
#     (MLGAN_TEST_POSTGRES; a value already set by the caller is used as it is).
# As root it installs and starts what is absent (apt-get, pg_ctlcluster) and fails if that fails. Otherwise the tests
# that need a missing piece are skipped (inconclusive) with the reason. Running it again changes nothing.

FASHION_MNIST_DIR=/usr/share/datasets/fashion-mnist

# The Npgsql connection string of the test role on a loopback port.
prerequisites_connection() {
    echo "Host=127.0.0.1;Port=$1;Username=mlgan;Password=mlgan;Database=mlgan_test"
}

prerequisites_apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "${prerequisites_apt_updated:-}" ]; then
        apt-get update -qq
        prerequisites_apt_updated=1
    fi
    apt-get install -y -qq "$@" >/dev/null
}

# The newest installed PostgreSQL major version with a "main" cluster, creating the cluster if the package left none.
prerequisites_postgres_version() {
    local version
    version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
    [ -n "$version" ] || return 1
    if [ ! -d "/etc/postgresql/$version/main" ]; then
        pg_createcluster "$version" main >/dev/null
    fi
    echo "$version"
}

# Runs one SQL statement as the postgres superuser on the cluster's port ($1), from a directory postgres can read.
prerequisites_postgres_sql() {
    (cd / && su postgres -c "psql -p $1 -v ON_ERROR_STOP=1 -qtAc \"$2\"")
}

prerequisites_start_postgres() {
    local version status port
    version=$(prerequisites_postgres_version) || return 1
    port=$(pg_conftool -s "$version" main show port 2>/dev/null || echo 5432)
    prerequisites_postgres_port=$port
    # pg_ctlcluster status: 0 running, 3 stopped; start refuses (exit 2) if it is running already.
    status=0; pg_ctlcluster "$version" main status >/dev/null 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        pg_ctlcluster "$version" main start || return 1
    fi
    local tries=0
    until pg_isready -q -h 127.0.0.1 -p "$port"; do
        tries=$((tries + 1)); [ "$tries" -lt 30 ] || return 1; sleep 1
    done
    if [ "$(prerequisites_postgres_sql "$port" "SELECT 1 FROM pg_roles WHERE rolname = 'mlgan'")" != 1 ]; then
        prerequisites_postgres_sql "$port" "CREATE ROLE mlgan LOGIN PASSWORD 'mlgan'" || return 1
    fi
    if [ "$(prerequisites_postgres_sql "$port" "SELECT 1 FROM pg_database WHERE datname = 'mlgan_test'")" != 1 ]; then
        prerequisites_postgres_sql "$port" "CREATE DATABASE mlgan_test OWNER mlgan" || return 1
    fi
}

# A server someone else started, reachable with the test role: usable without root.
prerequisites_postgres_reachable() {
    command -v psql >/dev/null && PGPASSWORD=mlgan PGCONNECT_TIMEOUT=3 \
        psql -h 127.0.0.1 -U mlgan -d mlgan_test -qtAc "SELECT 1" >/dev/null 2>&1
}

# Dask distributed importable by the system Python (the shard recipe's script runs under /usr/bin/python3).
prerequisites_has_dask() {
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import distributed" >/dev/null 2>&1
}

prerequisites_prepare() {
    local missing=()
    if [ "$(id -u)" = 0 ]; then
        if [ ! -d "$FASHION_MNIST_DIR" ]; then
            echo "Installing Fashion-MNIST (dataset-fashion-mnist)..."
            prerequisites_apt_install dataset-fashion-mnist || { echo "Could not install dataset-fashion-mnist." >&2; return 1; }
        fi
        if ! prerequisites_has_dask; then
            echo "Installing Dask distributed (python3-distributed)..."
            prerequisites_apt_install python3-distributed || { echo "Could not install python3-distributed." >&2; return 1; }
        fi
        if [ -z "${MLGAN_TEST_POSTGRES:-}" ]; then
            if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
                echo "Installing PostgreSQL..."
                prerequisites_apt_install postgresql || { echo "Could not install postgresql." >&2; return 1; }
            fi
            prerequisites_start_postgres || { echo "PostgreSQL did not start, or the role mlgan / database mlgan_test could not be created." >&2; return 1; }
            MLGAN_TEST_POSTGRES=$(prerequisites_connection "$prerequisites_postgres_port")
            export MLGAN_TEST_POSTGRES
        fi
        return 0
    fi
    [ -d "$FASHION_MNIST_DIR" ] || missing+=("Fashion-MNIST (apt-get install dataset-fashion-mnist)")
    prerequisites_has_dask || missing+=("Dask distributed (apt-get install python3-distributed)")
    if [ -z "${MLGAN_TEST_POSTGRES:-}" ]; then
        if prerequisites_postgres_reachable; then
            MLGAN_TEST_POSTGRES=$(prerequisites_connection 5432)
            export MLGAN_TEST_POSTGRES
        else
            missing+=("PostgreSQL with role mlgan/mlgan and database mlgan_test on 127.0.0.1 (or set MLGAN_TEST_POSTGRES)")
        fi
    fi
    if [ "${#missing[@]}" -gt 0 ]; then
        local joined
        joined=$(printf '; %s' "${missing[@]}")
        echo "Not root, so nothing was installed; missing: ${joined:2}. The tests that need them will be skipped; run build/test.sh as root to install them."
    fi
}
