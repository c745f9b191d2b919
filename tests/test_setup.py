"""`make test` is the whole set-up: it installs what the suite needs when the machine lacks it (tools/install_test_tools.sh),
and CI (.ci/run) only calls it."""

import os
import shutil
import subprocess

from support.project import ROOT

INSTALLER = ROOT / "tools" / "install_test_tools.sh"


def run_with_commands(tmp_path, commands: list[str]) -> subprocess.CompletedProcess:
    """Run the installer on a PATH that holds only the given commands (the machine's own), as on a fresh machine."""
    path = tmp_path / "bin"
    path.mkdir()
    for command in commands:
        (path / command).symlink_to(shutil.which(command))
    return subprocess.run(
        [shutil.which("bash"), str(INSTALLER)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": str(path), "PYTHON": shutil.which("python3")},
    )


def test_on_a_machine_with_everything_the_installer_installs_nothing_and_says_nothing(tmp_path):
    result = run_with_commands(tmp_path, ["chromium", "npm", "java", "soffice", "id"])
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_a_missing_tool_is_named_by_its_debian_package(tmp_path):
    """Without apt-get (not Debian), the installer names what is missing and stops."""
    result = run_with_commands(tmp_path, ["npm", "id"])
    assert result.returncode == 1
    assert "chromium" in result.stderr and "default-jre-headless" in result.stderr and "npm " not in result.stderr + " "
    assert "libreoffice-calc-nogui" in result.stderr


def test_ci_runs_only_the_readme_s_test_command_which_installs_first():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert [line for line in run.splitlines() if line and not line.startswith(("#", "set ", "cd "))] == [
        "exec make test"
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = next(line for line in makefile.splitlines() if line.startswith("test:"))
    assert test_rule.split(":", 1)[1].split()[0] == "test-tools"
