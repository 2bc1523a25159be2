@echo off
rem draftkit for Windows, as installed by install.bat: "draftkit.bat render data.yaml" and
rem the rest as in the README. A data file (.yaml) dropped on this file is rendered to a
rem .docx beside it; a report (.docx, .txt, .md) dropped on it is checked; a folder of
rem reports dropped on it is checked whole, its table written beside it as an .xlsx.
for /f "tokens=*" %%a in ('chcp') do for %%b in (%%a) do set "DK_OLDCP=%%~nb"
chcp 65001 >nul
setlocal
for %%I in ("%~dp0..") do set "ROOT=%%~fI"
set "DK=%ROOT%\.venv\Scripts\draftkit.exe"
set "DK_CODE=0"
if not exist "%DK%" (
  echo 还没有安装 draftkit：请先双击 install.bat。
  set "DK_CODE=1"
  pause
  goto end
)
if "%~1"=="" goto help
if "%~2"=="" if exist "%~1" goto dropped
"%DK%" %*
set "DK_CODE=%errorlevel%"
goto end
:help
"%DK%" --help
pause
goto end
:dropped
if exist "%~1\*" ("%DK%" check "%~1" --table "%~1-审核汇总.xlsx") else if /i "%~x1"==".yaml" ("%DK%" render "%~1") else if /i "%~x1"==".yml" ("%DK%" render "%~1") else ("%DK%" check "%~1")
set "DK_CODE=%errorlevel%"
pause
:end
chcp %DK_OLDCP% >nul
endlocal & exit /b %DK_CODE%
