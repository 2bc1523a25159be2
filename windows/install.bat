@echo off
rem draftkit for Windows: double-click to make a Python environment (.venv) beside the
rem program and install draftkit in it; again to update it. Needs Python 3.10-3.13 from
rem python.org with "Add python.exe to PATH" ticked. Chinese lines follow chcp 65001.
for /f "tokens=*" %%a in ('chcp') do for %%b in (%%a) do set "DK_OLDCP=%%~nb"
chcp 65001 >nul
setlocal
for %%I in ("%~dp0..") do set "ROOT=%%~fI"
set "VENV=%ROOT%\.venv"
rem The py launcher picks one of the Pythons draftkit runs on; else python on PATH, if it is one.
set "PY="
where py >nul 2>nul && for %%v in (3.12 3.13 3.11 3.10) do if not defined PY (py -%%v -c "pass" >nul 2>nul && set "PY=py -%%v")
if not defined PY (where python >nul 2>nul && python -c "import sys; sys.exit(0 if (3, 10) <= sys.version_info[:2] <= (3, 13) else 1)" && set "PY=python")
if not defined PY goto nopython
echo 正在建立 Python 环境：%VENV%
if not exist "%VENV%\Scripts\python.exe" (%PY% -m venv "%VENV%" || goto failed)
echo 正在安装 draftkit，第一次要几分钟……
if exist "%ROOT%\wheels\" (
  "%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%ROOT%\wheels" --upgrade draftkit || goto failed
) else (
  "%VENV%\Scripts\python.exe" -m pip install --upgrade "%ROOT%" || goto failed
)
"%VENV%\Scripts\draftkit.exe" render "%ROOT%\examples\county.yaml" -o "%ROOT%\out\county.docx" || goto failed
echo.
echo 安装完成。示例报告：%ROOT%\out\county.docx
echo 以后把数据文件（.yaml）拖到 draftkit.bat 上即生成报告，把报告（.docx）拖上去即检查；
echo 或在命令提示符中运行 "%~dp0draftkit.bat" 加命令，如 draftkit.bat new
goto end
:nopython
echo 没有找到 Python 3.10 至 3.13。请从 https://www.python.org/downloads/windows/ 下载安装 Python 3.12，
echo 安装时勾选“Add python.exe to PATH”，然后再双击本文件。
goto end
:failed
echo.
echo 安装没有完成，原因见上面几行。没有网络时，可在能上网的电脑上于本文件夹运行
echo   py -m pip wheel -w wheels .
echo 再把整个文件夹（含 wheels）复制过来，重新双击本文件。
:end
pause
endlocal
chcp %DK_OLDCP% >nul
